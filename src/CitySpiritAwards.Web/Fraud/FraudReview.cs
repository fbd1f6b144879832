using System.Security.Claims;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Tallying;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Grains.Voting;

namespace CitySpiritAwards.Web.Fraud;

/// <summary>
/// A campaign's held votes as administrators review them. Never the entry a vote was for, nor its receipt, nor its award:
/// each vote shows when it was cast (to the minute), its network, the account's id and age, and the signals with what they
/// measured. Counts per award are totals only, and only for awards with at least <see cref="FraudReview.MinimumEntriesForTotals"/>
/// shortlisted entries, where a total cannot stand for one entry's count.
/// </summary>
/// <param name="Thresholds">The campaign's thresholds the signals use.</param>
public sealed record HeldVotesView(
    string CampaignId, CampaignPhase Phase, FraudThresholds Thresholds, HeldTotals Totals, IReadOnlyList<AwardHeldTotals> Awards, IReadOnlyList<SignalGroup> Signals);

public sealed record HeldTotals(int Waiting, int Confirmed, int Cleared);

/// <param name="Totals">Null when the award has too few shortlisted entries for a total to be shown.</param>
public sealed record AwardHeldTotals(string CategoryId, HeldTotals? Totals);

/// <summary>The held votes one signal flagged (a vote flagged by two signals is in both groups).</summary>
public sealed record SignalGroup(FraudReason Signal, IReadOnlyList<HeldVoteView> Votes);

/// <param name="HoldId">What the actions take; not the vote's receipt.</param>
/// <param name="VotedAt">When the vote was cast, to the minute.</param>
/// <param name="AccountAge">How old the account was when it voted; null if the account no longer exists.</param>
/// <param name="BurstVotes">Burst: votes from the network within the window that ends with this one.</param>
/// <param name="AccountPlaceOnNetwork">Many accounts: this account's place among the accounts that voted from the network.</param>
/// <param name="Withdrawn">The voter withdrew the vote since: nothing to count whatever the decision.</param>
public sealed record HeldVoteView(
    string HoldId, string AccountId, DateTimeOffset VotedAt, string Network, TimeSpan? AccountAge, IReadOnlyList<FraudReason> Signals,
    int? BurstVotes, int? AccountPlaceOnNetwork, DateTimeOffset HeldAt, HoldDecision? Decision, string? DecidedBy, DateTimeOffset? DecidedAt, bool Withdrawn);

/// <summary>What the page and the API share: the review of one campaign's held votes.</summary>
public sealed class FraudReview(IVoteHolds holds, VotingCatalog catalog, AwardsClock clock)
{
    public const int MinimumEntriesForTotals = 2;

    /// <summary>At most this many holds are decided by one request.</summary>
    public const int MaxBatch = 500;

    public static string Actor(ClaimsPrincipal user) => $"admin:{user.Identity?.Name}";

    /// <summary>The campaign's held votes, or null if there is no such campaign.</summary>
    public async Task<HeldVotesView?> LoadAsync(string campaignId, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(campaignId, fresh: true) is not { } voting)
            return null;
        var held = await holds.ListAsync(campaignId, cancellationToken);
        var entriesPerAward = voting.Shortlists.ToDictionary(s => s.CategoryId, s => s.Entries.Count, StringComparer.Ordinal);

        var awards = CategoryIds.All.Select(category => new AwardHeldTotals(category,
                entriesPerAward.GetValueOrDefault(category) >= MinimumEntriesForTotals ? Totals(held.Where(h => h.CategoryId == category)) : null))
            .ToList();
        var votes = held.Select(View).ToList();
        var groups = Enum.GetValues<FraudReason>()
            .Select(signal => new SignalGroup(signal, votes.Where(v => v.Signals.Contains(signal)).ToList()))
            .Where(g => g.Votes.Count > 0)
            .ToList();
        return new HeldVotesView(campaignId, voting.Campaign.Phase, voting.Campaign.Settings.Fraud ?? new FraudThresholds(), Totals(held), awards, groups);
    }

    public Task<IReadOnlyList<DecisionResult>> DecideAsync(
        string campaignId, IReadOnlyList<string> holdIds, HoldDecision decision, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        holds.DecideAsync(campaignId, holdIds, decision, Actor(user), clock.UtcNow, cancellationToken);

    private static HeldTotals Totals(IEnumerable<HeldVote> held)
    {
        var list = held.ToList();
        return new HeldTotals(list.Count(h => h.Decision is null), list.Count(h => h.Decision == HoldDecision.Confirmed), list.Count(h => h.Decision == HoldDecision.Cleared));
    }

    private static HeldVoteView View(HeldVote vote)
    {
        var signals = new List<FraudReason>();
        if (vote.BurstVotes is not null) signals.Add(FraudReason.Burst);
        if (vote.FreshAccount) signals.Add(FraudReason.FreshAccount);
        if (vote.NetworkAccounts is not null) signals.Add(FraudReason.ManyAccountsOneNetwork);
        return new HeldVoteView(
            vote.HoldId, vote.VoterId, ToMinute(vote.VotedAt), vote.Network, vote.VotedAt - vote.AccountCreatedAt, signals,
            vote.BurstVotes, vote.NetworkAccounts, vote.HeldAt, vote.Decision, vote.DecidedBy, vote.DecidedAt, vote.Withdrawn);
    }

    private static DateTimeOffset ToMinute(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, at.Offset);
}
