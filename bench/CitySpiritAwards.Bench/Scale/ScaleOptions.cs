using System.Globalization;

namespace CitySpiritAwards.Bench.Scale;

/// <summary>
/// Options of <c>scale</c> (bench/README.md, "City-scale benchmark"): the campaign sizes to seed, how many votes each
/// holds, and how much each measurement may take (requests and seconds).
/// </summary>
public sealed record ScaleOptions(
    IReadOnlyList<int> Sizes,
    int VotesPerNomination,
    long? Votes,
    int Pending,
    int Parallelism,
    int Requests,
    int Concurrency,
    TimeSpan Cap,
    TimeSpan LongCap,
    int Voters,
    int EntriesPerAward,
    int MembersPerAward,
    int JudgesPerEntry,
    int ExportRequests)
{
    /// <summary>Fewer nominations leave too few approved entries per award for the shortlists and the pending slice.</summary>
    public const int SmallestSize = 200;

    /// <summary>Requests of a series answered before the measured ones (connections opened, code paths jitted).</summary>
    public const int Warmup = 5;

    /// <summary>The votes stored at a size: <c>--votes</c> if given, else <c>--votes-per-nomination</c> per nomination.</summary>
    public long VotesAt(int size) => Votes ?? (long)size * VotesPerNomination;

    /// <summary>Nominations submitted as pending (the rest are imported approved): enough for the approvals and consents measured.</summary>
    public int PendingAt(int size) => Math.Min(Pending, size / 2);

    public override string ToString() =>
        $"sizes {string.Join(", ", Sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))}; votes {string.Join(", ", Sizes.Select(s => VotesAt(s).ToString("N0", CultureInfo.InvariantCulture)))}; " +
        $"pending {Pending:N0}; seeding parallelism {Parallelism}; {Requests} requests per series at concurrency {Concurrency}, series cap {Cap.TotalSeconds:N0} s, " +
        $"request and one-off cap {LongCap.TotalSeconds:N0} s; {Voters} voting residents × {4 * EntriesPerAward} shortlisted entries; " +
        $"{MembersPerAward} committee members per award, {JudgesPerEntry} judges per entry; {ExportRequests} downloads per export";

    public static ScaleOptions Parse(IReadOnlyList<string> args)
    {
        string? Value(string name)
        {
            for (var i = 0; i < args.Count - 1; i++)
            {
                if (args[i] == name)
                    return args[i + 1];
            }
            return null;
        }
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "--sizes", "--votes", "--votes-per-nomination", "--pending", "--parallelism", "--requests", "--concurrency", "--seconds",
            "--long-seconds", "--voters", "--entries", "--members", "--judges-per-entry", "--export-requests",
        };
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!known.Contains(args[i]) || i + 1 >= args.Count)
                throw new ArgumentException($"Unknown option or missing value: '{args[i]}'. Options: {string.Join(' ', known)} (each with a value).");
        }

        var sizes = (Value("--sizes") ?? "10000,100000").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s.Replace("_", ""), NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
        if (sizes.Count == 0 || sizes.Any(s => s < SmallestSize))
            throw new ArgumentException($"--sizes needs one or more campaign sizes of at least {SmallestSize} nominations, e.g. 10000,100000.");
        var options = new ScaleOptions(
            sizes,
            Int("--votes-per-nomination", 100),
            Value("--votes") is { } votes ? long.Parse(votes.Replace("_", ""), NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : null,
            Int("--pending", 2000),
            Int("--parallelism", 32),
            Int("--requests", 200),
            Int("--concurrency", 1),
            TimeSpan.FromSeconds(Int("--seconds", 30)),
            TimeSpan.FromSeconds(Int("--long-seconds", 300)),
            Int("--voters", 600),
            Int("--entries", 20),
            Int("--members", 5),
            Int("--judges-per-entry", 3),
            Int("--export-requests", 5));
        if (options.MembersPerAward < options.JudgesPerEntry)
            throw new ArgumentException("--members (per award) must be at least --judges-per-entry.");
        return options;
    }
}
