using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CitySpiritAwards.Bench;
using CitySpiritAwards.Bench.Scale;
using CitySpiritAwards.Testing;
using Npgsql;

// The public-voting benchmark (bench/README.md). Everything on 127.0.0.1: a private PostgreSQL (fsync on), Azurite,
// the site in cluster mode as its own process, and this process as the load generator.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
// `scale …`: the city-scale benchmark of issue 11 instead (Scale/ScaleBench.cs).
if (args.FirstOrDefault() == "scale")
    return await ScaleBench.RunAsync(args[1..]);
var options = BenchOptions.Parse(args);
var clock = Stopwatch.StartNew();
void Log(string message) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {message}");
const string AdminEmail = "bench-admin@example.org";
const string AdminPassword = "Bench-admin-pass-1";
var categories = new[] { "inclusiveness", "excellence", "wisdom", "magnanimity" };

Log($"options: {options}; load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
await using var postgres = new PostgresServer();
await using var azurite = new AzuriteServer();
await Task.WhenAll(postgres.StartAsync(), azurite.StartAsync());
// The test fixture turns fsync off; a benchmark of durable votes must not. Both designs run against this setting.
await ExecuteAsync(postgres.AdminConnectionString, "ALTER SYSTEM SET fsync = on; ALTER SYSTEM SET full_page_writes = on; ALTER SYSTEM SET synchronous_commit = on;");
await ExecuteAsync(postgres.AdminConnectionString, "SELECT pg_reload_conf();");
var database = await postgres.CreateDatabaseAsync("bench");
LoadRun.PostmasterId = int.Parse(File.ReadLines(Path.Combine(postgres.DataFolder, "postmaster.pid")).First());
Log($"PostgreSQL on 127.0.0.1:{postgres.Port} (fsync={await ScalarAsync<string>(database, "SHOW fsync")}, synchronous_commit={await ScalarAsync<string>(database, "SHOW synchronous_commit")}); Azurite on {azurite.Port}");

await using var site = await SiteProcess.StartAsync(new Dictionary<string, string?>
{
    ["CitySpiritAwards:Mode"] = "Cluster",
    ["CitySpiritAwards:SeedDemo"] = "false",
    ["ConnectionStrings:Postgres"] = database,
    ["ConnectionStrings:Blobs"] = azurite.ConnectionString,
    ["Bootstrap:AdminEmail"] = AdminEmail,
    ["Bootstrap:AdminPassword"] = AdminPassword,
    ["Account:SignupPermitLimit"] = "100000000",
    ["Voting:PermitsPerVoter"] = "100000000",
    ["Voting:PermitsPerNetwork"] = "100000000",
    ["Voting:BenchEndpoints"] = "true",
    ["Hangfire:WorkerCount"] = "1",
    // Every resident here is minutes old and votes from 127.0.0.1: the fraud scan would hold their votes. This measures the vote path.
    ["Fraud:Cron"] = "0 0 31 2 *",
});
Log($"site (cluster mode, one silo) at {site.Address}, pid {site.ProcessId}, {site.WorkingSetMiB():N0} MiB");

// A campaign scheduled far ahead, moved by hand: Draft → … → CommitteeScoring, shortlists published, → PublicVoting.
using var admin = LoadRun.Client(site, 4);
admin.DefaultRequestHeaders.Add("Cookie", await Residents.SignInAsync(site, AdminEmail, AdminPassword));
const string CampaignId = "bench-peak";
var start = DateTimeOffset.UtcNow.AddDays(30);
(await admin.PostAsJsonAsync("/api/admin/campaigns", new
{
    id = CampaignId,
    name = new { zhCn = "压力测试", en = "Peak benchmark" },
    description = new { zhCn = "压力测试", en = "Peak benchmark" },
    phaseStarts = new[] { "Nominating", "Screening", "CommitteeScoring", "PublicVoting", "Tallying", "Published" }
        .Select((phase, i) => (phase, at: start.AddDays(i))).ToDictionary(p => p.phase, p => p.at),
    settings = new
    {
        nominationsPerResident = 5, votesPerCategory = options.EntriesPerCategory, committeeWeightPercent = 70, publicWeightPercent = 30,
        shortlistSize = options.EntriesPerCategory, judgesPerEntry = 3, liveTallies = true, allowVoteChanges = true,
    },
})).EnsureSuccessStatusCode();
foreach (var phase in new[] { "Nominating", "Screening", "CommitteeScoring" })
    (await admin.PostAsJsonAsync($"/api/admin/campaigns/{CampaignId}/phase", new { phase })).EnsureSuccessStatusCode();
var entries = categories.SelectMany(c => Enumerable.Range(0, options.EntriesPerCategory).Select(i => $"{c}-{i:00}")).ToList();
foreach (var category in categories)
    (await admin.PostAsJsonAsync($"/api/bench/campaigns/{CampaignId}/shortlists/{category}", new { entryIds = entries.Where(e => e.StartsWith(category)).ToList() })).EnsureSuccessStatusCode();
(await admin.PostAsJsonAsync($"/api/admin/campaigns/{CampaignId}/phase", new { phase = "PublicVoting" })).EnsureSuccessStatusCode();
Log($"campaign '{CampaignId}' in PublicVoting: {categories.Length} awards × {options.EntriesPerCategory} shortlisted entries, {options.EntriesPerCategory} votes per award per resident");

var residentsStarted = clock.Elapsed;
var cookies = await Residents.CreateAsync(site, options.Voters, parallelism: 4);
Log($"{cookies.Count} confirmed residents signed in through the pages in {(clock.Elapsed - residentsStarted).TotalSeconds:N0} s");

// The work: every resident votes once for every entry. Round r, resident v → entry (r + v mod hot): at any moment the
// requests in flight are for only `hot` entries (1 by default: everybody is voting for the nominee just shown on TV).
// The first rounds are the warm-up: at least 3,000 votes, so the JIT has moved the hot path to its optimised tier (and
// voter grains, connection pools and caches are warm) before anything is measured; the remaining rounds are measured.
var rounds = entries.Count;
(int Voter, int Entry) Work(int i) => (i % options.Voters, (i / options.Voters + i % options.Voters % options.Hot) % entries.Count);
var warmupRounds = Math.Clamp((3000 + options.Voters - 1) / options.Voters, 1, rounds - 1);
var warmupCount = options.Voters * warmupRounds;
var measuredCount = options.Voters * (rounds - warmupRounds);

using var load = LoadRun.Client(site, options.Concurrency);
HttpRequestMessage Vote(string path, int i)
{
    var (voter, entry) = Work(i);
    var message = new HttpRequestMessage(HttpMethod.Post, path)
    {
        Content = new StringContent($"{{\"entryId\":\"{entries[entry]}\"}}", Encoding.UTF8, "application/json"),
    };
    message.Headers.Add("Cookie", cookies[voter]);
    return message;
}

async Task<(LoadResult Result, ConcurrentDictionary<int, string> Receipts)> VotesAsync(string name, string path)
{
    var receipts = new ConcurrentDictionary<int, string>();
    void Answered(int i, HttpStatusCode status, string body)
    {
        if (status == HttpStatusCode.Created)
            receipts[i] = body.Substring(body.IndexOf("\"receipt\":\"", StringComparison.Ordinal) + 11, 26);
    }
    var warmup = await LoadRun.RunAsync(name + " warm-up", site, load, warmupCount, options.Concurrency, options.PhaseLimit, i => Vote(path, i), Answered);
    Log(warmup.Line());
    var measured = await LoadRun.RunAsync(name, site, load, measuredCount, options.Concurrency, options.PhaseLimit, i => Vote(path, warmupCount + i),
        (i, status, body) => Answered(warmupCount + i, status, body));
    Log(measured.Line());
    return (measured, receipts);
}

var (votes, receipts) = await VotesAsync("votes (group commit)", $"/api/campaigns/{CampaignId}/votes");
var tallies = await LoadRun.RunAsync("live tallies (read)", site, load, 1_000_000, options.Concurrency, options.TallyLimit,
    _ => new HttpRequestMessage(HttpMethod.Get, $"/api/campaigns/{CampaignId}/tallies"));
Log(tallies.Line());
var (baseline, baselineReceipts) = await VotesAsync("BASELINE votes (txn per vote)", $"/api/bench/baseline/campaigns/{CampaignId}/votes");

// Exactness: every receipted vote is in the table, and every entry's tally equals its receipted votes.
Log("verifying …");
var expected = receipts.Keys.GroupBy(i => entries[Work(i).Entry]).ToDictionary(g => g.Key, g => (long)g.Count());
await Task.Delay(1500); // the site reads the tally table at most once a second
var shown = await load.GetFromJsonAsync<JsonElement>($"/api/campaigns/{CampaignId}/tallies");
var shownByEntry = shown.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("entries").EnumerateArray())
    .ToDictionary(e => e.GetProperty("entryId").GetString()!, e => e.GetProperty("votes").GetInt64());
var tallyMismatches = entries.Count(e => shownByEntry.GetValueOrDefault(e) != expected.GetValueOrDefault(e));
var stored = await ScalarAsync<long>(database, "SELECT count(*) FROM votes WHERE receipt = ANY(@p) AND withdrawn_at IS NULL", receipts.Values.ToArray());
var rows = await ScalarAsync<long>(database, $"SELECT count(*) FROM votes WHERE campaign_id = '{CampaignId}' AND withdrawn_at IS NULL");
var countedInTable = await ScalarAsync<long>(database, $"SELECT coalesce(sum(votes), 0)::bigint FROM vote_tallies WHERE campaign_id = '{CampaignId}'");
var writer = await admin.GetFromJsonAsync<JsonElement>("/api/bench/writer");
var exact = tallyMismatches == 0 && stored == receipts.Count && rows == receipts.Count && countedInTable == receipts.Count;
Log($"receipts {receipts.Count:N0}; stored with those receipts {stored:N0}; rows {rows:N0}; tally table total {countedInTable:N0}; entries whose shown tally differs: {tallyMismatches} → {(exact ? "EXACT" : "NOT EXACT")}");

var ratio = votes.PerSecond / Math.Max(1, baseline.PerSecond);
var summary = new StringBuilder()
    .AppendLine()
    .AppendLine($"## Results ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {options.Voters:N0} residents, concurrency {options.Concurrency}, {options.Hot} hot entr{(options.Hot == 1 ? "y" : "ies")} at a time)")
    .AppendLine()
    .AppendLine("| run | ok requests | throughput | p50 | p90 | p99 | server RSS peak | CPU s: server / PostgreSQL / load generator |")
    .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in new[] { votes, tallies, baseline })
    summary.AppendLine($"| {r.Name} | {r.Succeeded:N0} | {r.PerSecond:N0}/s | {r.P50Ms:N1} ms | {r.P90Ms:N1} ms | {r.P99Ms:N1} ms | {r.PeakServerMiB:N0} MiB | {r.ServerCpuSeconds:N1} / {r.PostgresCpuSeconds:N1} / {r.LoadGeneratorCpuSeconds:N1} |");
summary.AppendLine()
    .AppendLine($"- group commit vs baseline: **{ratio:N1}×** the durable votes per second")
    .AppendLine($"- vote writer: {writer.GetProperty("writes").GetInt64():N0} writes in {writer.GetProperty("batches").GetInt64():N0} transactions (on average {writer.GetProperty("writes").GetInt64() / Math.Max(1.0, writer.GetProperty("batches").GetInt64()):N1} votes per commit)")
    .AppendLine($"- server CPU per 1,000 votes: group commit {1000 * votes.ServerCpuSeconds / Math.Max(1, votes.Succeeded):N2} s, baseline {1000 * baseline.ServerCpuSeconds / Math.Max(1, baseline.Succeeded):N2} s")
    .AppendLine($"- exactness: {receipts.Count:N0} receipts, all stored and counted; every entry's tally equal to its receipted votes: {(exact ? "yes" : "NO")}")
    .AppendLine($"- targets: ≥ 5,000 durable votes/s {(votes.PerSecond >= 5000 ? "met" : "NOT met")}, p99 < 100 ms {(votes.P99Ms < 100 ? "met" : "NOT met")}, ≥ 5× baseline {(ratio >= 5 ? "met" : "NOT met")}")
    .AppendLine($"- whole run {clock.Elapsed.TotalSeconds:N0} s; machine load average at the end (other work included): {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine(summary);
return exact ? 0 : 1;

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static async Task<T> ScalarAsync<T>(string connectionString, string sql, string[]? values = null)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
    if (values is not null)
        command.Parameters.AddWithValue("p", values);
    return (T)(await command.ExecuteScalarAsync())!;
}

/// <summary>Command-line options: --voters, --entries (per award), --concurrency, --hot (entries voted for at once), --seconds, --tally-seconds.</summary>
internal sealed record BenchOptions(int Voters, int EntriesPerCategory, int Concurrency, int Hot, TimeSpan PhaseLimit, TimeSpan TallyLimit)
{
    public static BenchOptions Parse(string[] args)
    {
        int Int(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }
        return new BenchOptions(Int("--voters", 600), Int("--entries", 20), Int("--concurrency", 32), Math.Max(1, Int("--hot", 1)),
            TimeSpan.FromSeconds(Int("--seconds", 25)), TimeSpan.FromSeconds(Int("--tally-seconds", 4)));
    }
}
