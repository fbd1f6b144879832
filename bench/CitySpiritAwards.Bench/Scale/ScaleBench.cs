using System.Diagnostics;
using CitySpiritAwards.Testing;

namespace CitySpiritAwards.Bench.Scale;

/// <summary>
/// The city-scale benchmark of issue 11 (<c>./build.sh bench scale</c>, bench/README.md): for each campaign size, a
/// campaign seeded with that many nominations and millions of votes, and the time and memory of each page, API call and
/// job the issue names, through the real endpoints of the site in cluster mode. Prints a Markdown report and writes it
/// under .artifacts/bench/.
/// </summary>
public static class ScaleBench
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = ScaleOptions.Parse(args);
        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {message}");
        Log($"scale: {options}; load average before: {LoadAverage()}");

        await using var postgres = new PostgresServer();
        await using var azurite = new AzuriteServer();
        await Task.WhenAll(postgres.StartAsync(), azurite.StartAsync());
        // The test fixture turns fsync off; what is measured must be durable (seeding relaxes synchronous_commit for itself only).
        foreach (var setting in new[] { "fsync", "full_page_writes", "synchronous_commit" })
            await Sql.SetServerAsync(postgres.AdminConnectionString, setting, "on");
        LoadRun.PostmasterId = int.Parse(File.ReadLines(Path.Combine(postgres.DataFolder, "postmaster.pid")).First());
        Log($"PostgreSQL on 127.0.0.1:{postgres.Port} (fsync {await Sql.ScalarAsync<string>(postgres.AdminConnectionString, "SHOW fsync")}), Azurite on {azurite.Port}");

        var results = new List<SizeResult>();
        foreach (var size in options.Sizes)
        {
            Log($"=== {size:N0} nominations, {options.VotesAt(size):N0} votes ===");
            var result = await new SizeRun(options, postgres, azurite, size, Log).RunAsync();
            results.Add(result);
            if (size != options.Sizes[^1]) // the final report follows the last size
                Console.WriteLine(ScaleReport.Write(options, [result], result.Elapsed, $"load average now: {LoadAverage()}"));
        }

        var report = ScaleReport.Write(options, results, clock.Elapsed, $"machine load average at the end (other work included): {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine(report);
        var folder = Path.Combine(RepositoryPaths.Root, ".artifacts", "bench");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"scale-{DateTime.UtcNow:yyyyMMddTHHmmssZ}.md");
        await File.WriteAllTextAsync(file, report);
        Log($"report written to {Path.GetRelativePath(RepositoryPaths.Root, file)}");
        return results.All(r => r.Failure is null) ? 0 : 1;
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();
}
