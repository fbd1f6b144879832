using System.Globalization;

namespace CitySpiritAwards.Bench.Scale;

/// <summary>Which of issue 11's targets a figure is held to.</summary>
public enum FigureKind
{
    /// <summary>A page or API call: p99 &lt; 150 ms at the largest size, and at most 1.5× the smallest size's p99.</summary>
    Page,
    /// <summary>One approval or one consent: p99 &lt; 50 ms, and the same growth rule as pages.</summary>
    Write,
    /// <summary>One fraud scan after the new votes: &lt; 2 s and &lt; 200 MB above the site's resting RSS.</summary>
    FraudScan,
    /// <summary>A CSV export: the site's RSS grows &lt; 100 MB while it is made (its time is reported, not judged).</summary>
    Export,
    /// <summary>Restart to ready: &lt; 10 s.</summary>
    Restart,
    /// <summary>The site's RSS at rest: &lt; 1 GiB.</summary>
    RestingRss,
    /// <summary>Reported for context, no target.</summary>
    Info,
}

/// <summary>
/// One measured row: how many requests were planned, sent and answered 2xx, their p50/p99, the site's peak RSS while
/// they ran and how far it rose above where it was just before (<paramref name="AboveMiB"/>). A series stopped by its
/// time cap has <see cref="Sent"/> below <see cref="Planned"/>; a request that timed out counts as sent, not ok.
/// </summary>
public sealed record Figure(
    string Name, FigureKind Kind, int Planned, int Sent, int Ok, double P50Ms, double P99Ms, double PeakMiB, double AboveMiB, string? Note = null)
{
    public bool Capped => Sent < Planned;

    /// <summary>A memory reading rather than requests (the resting RSS, the peak of a run).</summary>
    public bool MemoryOnly { get; init; }

    /// <summary>A memory reading of the site: no requests, no times.</summary>
    public static Figure Memory(string name, FigureKind kind, double mib) => new(name, kind, 1, 1, 1, 0, 0, mib, 0) { MemoryOnly = true };

    public bool AllOk => Sent > 0 && Ok == Sent;

    /// <summary>The target at this size and whether it was met (null: no target).</summary>
    public (string Target, bool? Met) Judge() => Kind switch
    {
        FigureKind.Page => ("p99 < 150 ms", AllOk && P99Ms < 150),
        FigureKind.Write => ("p99 < 50 ms", AllOk && P99Ms < 50),
        FigureKind.FraudScan => ("< 2 s, < 200 MB above rest", AllOk && P99Ms < 2000 && AboveMiB < 200),
        FigureKind.Export => ("RSS grows < 100 MB", AllOk && AboveMiB < 100),
        FigureKind.Restart => ("< 10 s", AllOk && P99Ms < 10_000),
        FigureKind.RestingRss => ("< 1 GiB", PeakMiB < 1024),
        _ => ("—", null),
    };

    /// <summary>What the growth ratio compares: the p99 time, or for the resting RSS its MiB.</summary>
    public double GrowthValue => MemoryOnly ? PeakMiB : P99Ms;

    public bool HasGrowthTarget => Kind is FigureKind.Page or FigureKind.Write;

    public string Requests => MemoryOnly ? "—" : $"{Ok:N0}/{Sent:N0}{(Capped ? $" of {Planned:N0} (time cap)" : "")}";

    public string Time(double ms) => MemoryOnly || Sent == 0 ? "—" : Format(ms);

    public static string Format(double ms) =>
        ms >= 10_000 ? $"{ms / 1000:N1} s" : ms >= 1000 ? $"{ms / 1000:N2} s" : ms >= 100 ? $"{ms:N0} ms" : $"{ms:N1} ms";

    public static string Mib(double mib) => mib.ToString("N0", CultureInfo.InvariantCulture) + " MiB";
}
