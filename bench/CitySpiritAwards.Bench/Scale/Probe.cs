using System.Net;
using CitySpiritAwards.Testing;

namespace CitySpiritAwards.Bench.Scale;

/// <summary>
/// Measures the real endpoints of the site: a series of requests (after a short warm-up) or a single long operation,
/// each bounded by a number of requests and by time (no request is started after the cap), and each request given up
/// after <see cref="ScaleOptions.LongCap"/>, so a slow page still gets its real time and nothing hangs. Before each measurement it waits for the site to be idle, so work left over from a
/// request that was given up on (the site carries on with it) is not charged to the next one.
/// </summary>
public sealed class Probe(ScaleOptions options, Action<string> log)
{
    /// <summary>The site's CPU use below which it counts as idle (seconds per second).</summary>
    private const double IdleCpu = 0.10;

    /// <summary>Set again after each restart.</summary>
    public SiteProcess Site { get; set; } = null!;

    /// <summary>
    /// <see cref="ScaleOptions.Warmup"/> requests, then up to <see cref="ScaleOptions.Requests"/> measured ones at
    /// <see cref="ScaleOptions.Concurrency"/>, each part started within <see cref="ScaleOptions.Cap"/>.
    /// </summary>
    /// <param name="available">How many distinct requests <paramref name="request"/> can make (e.g. pending nominations to approve).</param>
    public async Task<Figure> SeriesAsync(string name, FigureKind kind, Func<int, HttpRequestMessage> request, int? available = null)
    {
        await SettleAsync(options.LongCap);
        var planned = Math.Max(1, Math.Min(options.Requests, (available ?? int.MaxValue) - ScaleOptions.Warmup));
        using var client = Client(options.LongCap, options.Concurrency);
        var failures = new Failures();
        await LoadRun.RunAsync(name + " (warm-up)", Site, client, ScaleOptions.Warmup, 1, options.Cap, request, failures.Record);
        var before = Site.WorkingSetMiB();
        var result = await LoadRun.RunAsync(name, Site, client, planned, options.Concurrency, options.Cap, i => request(ScaleOptions.Warmup + i), failures.Record);
        log(result.Line());
        return new Figure(name, kind, planned, result.Requests, result.Succeeded, result.P50Ms, result.P99Ms, result.PeakServerMiB,
            result.PeakServerMiB - before, failures.Note(result, options.LongCap));
    }

    /// <summary>
    /// One operation (or <paramref name="count"/> in a row) that may take long, within <see cref="ScaleOptions.LongCap"/>:
    /// no warm-up, since what is measured is often a first time (entering a phase, a scan).
    /// </summary>
    public async Task<Figure> OnceAsync(
        string name, FigureKind kind, Func<int, HttpRequestMessage> request, int count = 1, Action<HttpStatusCode, string>? answered = null, double? restingMiB = null)
    {
        await SettleAsync(options.LongCap);
        using var client = Client(options.LongCap, 1);
        var failures = new Failures();
        var before = restingMiB ?? Site.WorkingSetMiB();
        var result = await LoadRun.RunAsync(name, Site, client, count, 1, options.LongCap, request, (i, status, body) =>
        {
            failures.Record(i, status, body);
            answered?.Invoke(status, body);
        });
        log(result.Line());
        return new Figure(name, kind, count, result.Requests, result.Succeeded, result.P50Ms, result.P99Ms, result.PeakServerMiB,
            result.PeakServerMiB - before, failures.Note(result, options.LongCap));
    }

    /// <summary>Waits until the site has been idle for a second (at most <paramref name="limit"/>).</summary>
    public async Task SettleAsync(TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            var before = Site.CpuTime();
            await Task.Delay(1000);
            if ((Site.CpuTime() - before).TotalSeconds < IdleCpu)
                return;
        }
        log($"  (the site was still busy after {limit.TotalSeconds:N0} s; measuring anyway)");
    }

    /// <summary>A pool of HTTP/1.1 connections to the site whose requests give up after <paramref name="timeout"/>.</summary>
    public HttpClient Client(TimeSpan timeout, int concurrency)
    {
        var client = LoadRun.Client(Site, concurrency);
        client.Timeout = timeout;
        return client;
    }

    /// <summary>The first answer that was not a success, to show in the report.</summary>
    private sealed class Failures
    {
        private string? _first;

        public void Record(int i, HttpStatusCode status, string body)
        {
            if ((int)status is < 200 or >= 300)
                Interlocked.CompareExchange(ref _first, $"{(int)status}: {(body.Length > 160 ? body[..160] + "…" : body)}", null);
        }

        public string? Note(LoadResult result, TimeSpan cap)
        {
            var timedOut = result.Statuses.GetValueOrDefault(-1);
            var notes = new[]
            {
                timedOut > 0 ? $"{timedOut} gave up after {cap.TotalSeconds:N0} s" : null,
                _first is null ? null : $"first failure {_first}",
            };
            return notes.Any(n => n is not null) ? string.Join("; ", notes.Where(n => n is not null)) : null;
        }
    }
}
