namespace CitySpiritAwards.Domain.Tallying;

/// <summary>What the tally job knows about one vote, without whom it was for.</summary>
/// <param name="Network">The voter's network: an IPv4 /24 or IPv6 /64 prefix, never the full address.</param>
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

public sealed record FraudFlag(string VoteId, FraudReason Reason);

/// <summary>The thresholds, per campaign; the defaults are deliberately loose (a flagged vote is only held for review).</summary>
public sealed record FraudThresholds(
    int BurstVotes = 30,
    TimeSpan? BurstWindow = null,
    TimeSpan? FreshAccountAge = null,
    int AccountsPerNetwork = 20)
{
    public TimeSpan Window => BurstWindow ?? TimeSpan.FromMinutes(5);
    public TimeSpan MinimumAccountAge => FreshAccountAge ?? TimeSpan.FromMinutes(30);
}

/// <summary>
/// Flags votes to hold aside for an administrator's review. Rules (each vote may get several flags):
/// <list type="bullet">
/// <item>Burst: within any <c>Window</c>, votes from one network beyond the first <c>BurstVotes</c> are flagged.</item>
/// <item>Fresh account: a vote cast less than <c>MinimumAccountAge</c> after its account was created is flagged.</item>
/// <item>Many accounts: on a network where more than <c>AccountsPerNetwork</c> distinct accounts voted, the votes of
/// the accounts after the first <c>AccountsPerNetwork</c> (in order of their first vote) are flagged.</item>
/// </list>
/// The same traces always give the same flags, so re-running the job changes nothing.
/// </summary>
public static class FraudSignals
{
    public static IReadOnlyList<FraudFlag> Flag(IEnumerable<VoteTrace> traces, FraudThresholds thresholds)
    {
        var votes = traces.OrderBy(t => t.VotedAt).ThenBy(t => t.VoteId, StringComparer.Ordinal).ToList();
        var flags = new List<FraudFlag>();

        flags.AddRange(votes
            .Where(v => v.VotedAt - v.AccountCreatedAt < thresholds.MinimumAccountAge)
            .Select(v => new FraudFlag(v.VoteId, FraudReason.FreshAccount)));

        foreach (var network in votes.GroupBy(v => v.Network))
        {
            var inNetwork = network.ToList();
            // Sliding window: the i-th vote is part of a burst if BurstVotes earlier votes fall inside the window before it.
            for (var i = thresholds.BurstVotes; i < inNetwork.Count; i++)
            {
                if (inNetwork[i].VotedAt - inNetwork[i - thresholds.BurstVotes].VotedAt <= thresholds.Window)
                    flags.Add(new FraudFlag(inNetwork[i].VoteId, FraudReason.Burst));
            }

            var lateAccounts = inNetwork.Select(v => v.VoterId).Distinct().Skip(thresholds.AccountsPerNetwork).ToHashSet();
            flags.AddRange(inNetwork.Where(v => lateAccounts.Contains(v.VoterId)).Select(v => new FraudFlag(v.VoteId, FraudReason.ManyAccountsOneNetwork)));
        }
        return flags;
    }
}
