using System.Diagnostics;
using System.Net;
using CitySpiritAwards.Testing;

namespace CitySpiritAwards.Bench;

/// <summary>What one load phase measured.</summary>
public sealed record LoadResult(
    string Name, int Requests, int Succeeded, IReadOnlyDictionary<int, int> Statuses, double Seconds,
    double P50Ms, double P90Ms, double P99Ms, double MaxMs, double PeakServerMiB, double EndServerMiB, double ServerCpuSeconds,
    double PostgresCpuSeconds, double LoadGeneratorCpuSeconds)
{
    public double PerSecond => Succeeded / Seconds;

    public string Line() =>
        $"{Name,-34} {Succeeded,8:N0} ok {PerSecond,10:N0}/s   p50 {P50Ms,7:N1} ms  p90 {P90Ms,7:N1} ms  p99 {P99Ms,7:N1} ms  max {MaxMs,7:N1} ms   " +
        $"server RSS peak {PeakServerMiB,5:N0} MiB (end {EndServerMiB:N0})  CPU s: server {ServerCpuSeconds:N1} postgres {PostgresCpuSeconds:N1} load {LoadGeneratorCpuSeconds:N1}  statuses {string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}";
}

/// <summary>
/// A closed-loop load generator: <c>concurrency</c> workers, each sending its next request as soon as the previous one
/// is answered, over one pool of HTTP/1.1 connections to 127.0.0.1; bounded by the number of requests and by time.
/// </summary>
public static class LoadRun
{
    public static HttpClient Client(SiteProcess site, int concurrency) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = site.Address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <param name="request">Builds request number i.</param>
    /// <param name="answered">Called with each answer (request number, status, body).</param>
    public static async Task<LoadResult> RunAsync(
        string name, SiteProcess site, HttpClient client, int count, int concurrency, TimeSpan limit,
        Func<int, HttpRequestMessage> request, Action<int, HttpStatusCode, string>? answered = null)
    {
        var latencies = new double[count];
        var statuses = new int[count];
        var next = -1;
        var cpuBefore = site.CpuTime();
        var postgresBefore = PostgresCpu();
        var loadBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var peak = site.WorkingSetMiB();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, site.WorkingSetMiB());
                try { await Task.Delay(200, sampling.Token); } catch (OperationCanceledException) { }
            }
        });

        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && Stopwatch.GetTimestamp() < deadline)
            {
                using var message = request(i);
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(message);
                    var body = await response.Content.ReadAsStringAsync();
                    latencies[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    statuses[i] = (int)response.StatusCode;
                    answered?.Invoke(i, response.StatusCode, body);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    latencies[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    statuses[i] = -1;
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        sampling.Cancel();
        await sampler;

        var done = statuses.Select((s, i) => (s, i)).Where(x => x.s != 0).Select(x => x.i).ToList();
        var sorted = done.Select(i => latencies[i]).Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new LoadResult(
            name, done.Count, done.Count(i => statuses[i] is >= 200 and < 300),
            done.GroupBy(i => statuses[i]).ToDictionary(g => g.Key, g => g.Count()), seconds,
            Percentile(0.50), Percentile(0.90), Percentile(0.99), sorted.LastOrDefault(),
            peak, site.WorkingSetMiB(), (site.CpuTime() - cpuBefore).TotalSeconds,
            PostgresCpu() - postgresBefore, (Process.GetCurrentProcess().TotalProcessorTime - loadBefore).TotalSeconds);
    }

    /// <summary>The benchmark's PostgreSQL server: set by the program once it has started it (its postmaster's process id).</summary>
    public static int PostmasterId { get; set; }

    /// <summary>CPU seconds used so far by the postmaster and its backends (from /proc; backends that have exited are not counted).</summary>
    public static double PostgresCpu()
    {
        if (PostmasterId == 0)
            return 0;
        double ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
                continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // After "pid (comm) ": state=0, ppid=1, … utime=11, stime=12 (proc(5) fields 14 and 15).
                if (pid == PostmasterId || int.Parse(fields[1]) == PostmasterId)
                    ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
            {
                // gone, or not ours
            }
        }
        return ticks / 100.0; // USER_HZ
    }
}
