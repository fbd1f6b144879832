namespace CitySpiritAwards.Domain.Tallying;

/// <summary>What the tally job knows about one vote, without whom it was for.</summary>
/// <param name="Network">The voter's network: an IPv4 /24 or IPv6 /64 prefix, never the full address; empty when not known.</param>
public sealed record VoteTrace(string VoteId, string VoterId, DateTimeOffset VotedAt, DateTimeOffset AccountCreatedAt, string Network);

public enum FraudReason
{
    /// <summary>Many votes from one network within a short window.</summary>
    Burst,
    /// <summary>The account was created minutes before it voted.</summary>
    FreshAccount,
    /// <summary>More accounts voting from one network than a household or office plausibly has.</summary>
    ManyAccountsOneNetwork,
}

/// <summary>One reason to hold one vote.</summary>
/// <param name="Count">
/// What was measured, for the reviewer: for <see cref="FraudReason.Burst"/> the votes from the network within the window
/// that ends with this vote (more than <c>BurstVotes</c>); for <see cref="FraudReason.ManyAccountsOneNetwork"/> this
/// account's place among the accounts that voted from the network, by first vote (more than <c>AccountsPerNetwork</c>);
/// 0 for <see cref="FraudReason.FreshAccount"/> (the account's age is on the vote itself).
/// </param>
public sealed record FraudFlag(string VoteId, FraudReason Reason, int Count = 0);

/// <summary>The thresholds, per campaign; the defaults are deliberately loose (a flagged vote is only held for review).</summary>
public sealed record FraudThresholds(
    int BurstVotes = 30,
    TimeSpan? BurstWindow = null,
    TimeSpan? FreshAccountAge = null,
    int AccountsPerNetwork = 20)
{
    public TimeSpan Window => BurstWindow ?? TimeSpan.FromMinutes(5);
    public TimeSpan MinimumAccountAge => FreshAccountAge ?? TimeSpan.FromMinutes(30);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (BurstVotes < 1) problems.Add("BurstVotes must be at least 1.");
        if (Window <= TimeSpan.Zero) problems.Add("BurstWindow must be longer than zero.");
        if (MinimumAccountAge < TimeSpan.Zero) problems.Add("FreshAccountAge cannot be negative.");
        if (AccountsPerNetwork < 1) problems.Add("AccountsPerNetwork must be at least 1.");
        return problems;
    }
}

/// <summary>
/// Flags votes to hold aside for an administrator's review. Rules (each vote may get several flags):
/// <list type="bullet">
/// <item>Burst: within any <c>Window</c>, votes from one network beyond the first <c>BurstVotes</c> are flagged.</item>
/// <item>Fresh account: a vote cast less than <c>MinimumAccountAge</c> after its account was created is flagged.</item>
/// <item>Many accounts: on a network where more than <c>AccountsPerNetwork</c> distinct accounts voted, the votes of
/// the accounts after the first <c>AccountsPerNetwork</c> (in order of their first vote) are flagged.</item>
/// </list>
/// Votes whose network is not known (empty) are left out of the two network rules rather than treated as one network.
/// The same traces always give the same flags, so re-running the job changes nothing. A vote's flags depend only on
/// the votes cast before it (and on itself), so votes arriving later never take a flag away.
/// </summary>
public static class FraudSignals
{
    /// <summary>
    /// The flags of <paramref name="scanned"/> alone, as <see cref="Flag"/> over every vote of the campaign would give
    /// them, from only what they depend on. A vote's flags depend on the votes before it, so <paramref name="earlier"/>
    /// must hold, for each network among the scanned votes, every vote from it since <c>Window</c> before the earliest
    /// scanned vote (the burst rule) and each account's first vote from it (the many-accounts rule, which ranks accounts
    /// by their first vote). That is what lets a scan read the votes cast since the last one instead of all of them.
    /// </summary>
    public static IReadOnlyList<FraudFlag> FlagAmong(IReadOnlyCollection<VoteTrace> scanned, IEnumerable<VoteTrace> earlier, FraudThresholds thresholds)
    {
        var ids = scanned.Select(v => v.VoteId).ToHashSet(StringComparer.Ordinal);
        var traces = scanned.Concat(earlier.Where(v => !ids.Contains(v.VoteId))).DistinctBy(v => v.VoteId, StringComparer.Ordinal);
        return Flag(traces, thresholds).Where(f => ids.Contains(f.VoteId)).ToList();
    }

    public static IReadOnlyList<FraudFlag> Flag(IEnumerable<VoteTrace> traces, FraudThresholds thresholds)
    {
        var votes = traces.OrderBy(t => t.VotedAt).ThenBy(t => t.VoteId, StringComparer.Ordinal).ToList();
        var flags = new List<FraudFlag>();

        flags.AddRange(votes
            .Where(v => v.VotedAt - v.AccountCreatedAt < thresholds.MinimumAccountAge)
            .Select(v => new FraudFlag(v.VoteId, FraudReason.FreshAccount)));

        foreach (var network in votes.Where(v => v.Network.Length > 0).GroupBy(v => v.Network, StringComparer.Ordinal))
        {
            var inNetwork = network.ToList();
            // Sliding window: the i-th vote is part of a burst if BurstVotes earlier votes fall inside the window before it.
            var first = 0; // the earliest vote still inside the window that ends with vote i
            for (var i = 0; i < inNetwork.Count; i++)
            {
                while (inNetwork[i].VotedAt - inNetwork[first].VotedAt > thresholds.Window)
                    first++;
                var inWindow = i - first + 1;
                if (inWindow > thresholds.BurstVotes)
                    flags.Add(new FraudFlag(inNetwork[i].VoteId, FraudReason.Burst, inWindow));
            }

            var places = inNetwork.Select(v => v.VoterId).Distinct().Select((voter, index) => (voter, place: index + 1))
                .Where(a => a.place > thresholds.AccountsPerNetwork)
                .ToDictionary(a => a.voter, a => a.place);
            flags.AddRange(inNetwork.Where(v => places.ContainsKey(v.VoterId))
                .Select(v => new FraudFlag(v.VoteId, FraudReason.ManyAccountsOneNetwork, places[v.VoterId])));
        }
        return flags;
    }
}
