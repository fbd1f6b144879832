using System.Security.Claims;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Tallying;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Grains.Voting;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Fraud;

/// <summary>
/// A campaign's held votes as administrators review them: counted in groups (per signal, per network), never one by one.
/// Never an account, a receipt or the entry a vote was for; times to the minute. Counts per award are totals only, and
/// only for awards with at least <see cref="FraudReview.MinimumEntriesForTotals"/> shortlisted entries, where a total
/// cannot stand for one entry's count. A group is decided only when it holds at least <paramref name="MinimumGroup"/>
/// votes (<see cref="HoldReview"/>).
/// </summary>
/// <param name="Thresholds">The campaign's thresholds the signals use.</param>
public sealed record HeldVotesView(
    string CampaignId, CampaignPhase Phase, FraudThresholds Thresholds, int MinimumGroup, HeldTotals Totals,
    IReadOnlyList<AwardHeldTotals> Awards, IReadOnlyList<SignalGroup> Signals);

public sealed record HeldTotals(int Waiting, int Confirmed, int Cleared);

/// <param name="Totals">Null when the award has too few shortlisted entries for a total to be shown.</param>
public sealed record AwardHeldTotals(string CategoryId, HeldTotals? Totals);

/// <summary>The holds one signal made (a vote flagged by two signals is in both), per network.</summary>
/// <param name="CanDecideAll">All its waiting holds together are enough to decide at once (how small network groups are decided).</param>
public sealed record SignalGroup(FraudReason Signal, int Waiting, bool CanDecideAll, IReadOnlyList<NetworkGroup> Networks);

/// <summary>The holds one signal made from one network.</summary>
/// <param name="FirstVotedAt">When the first and last of them were cast, to the minute.</param>
/// <param name="WaitingWithdrawn">Waiting, but withdrawn by their voters since: nothing to count whatever the decision.</param>
/// <param name="CanDecide">Enough waiting votes to decide this group on its own.</param>
public sealed record NetworkGroup(
    string Network, int Waiting, int Confirmed, int Cleared, int WaitingWithdrawn, int Accounts, DateTimeOffset FirstVotedAt, DateTimeOffset LastVotedAt,
    int? MostBurstVotes, int? FirstPlace, int? LastPlace, bool CanDecide);

/// <summary>What the page and the API share: the review of one campaign's held votes.</summary>
public sealed class FraudReview(IVoteHolds holds, VotingCatalog catalog, AwardsClock clock, IOptions<FraudOptions> options)
{
    public const int MinimumEntriesForTotals = 2;

    public int MinimumGroup => options.Value.MinimumGroup;

    public static string Actor(ClaimsPrincipal user) => $"admin:{user.Identity?.Name}";

    /// <summary>The campaign's held votes in groups, or null if there is no such campaign.</summary>
    public async Task<HeldVotesView?> LoadAsync(string campaignId, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(campaignId, fresh: true) is not { } voting)
            return null;
        var byAward = (await holds.TotalsByAwardAsync(campaignId, cancellationToken)).ToDictionary(a => a.CategoryId);
        var entriesPerAward = voting.Shortlists.ToDictionary(s => s.CategoryId, s => s.Entries.Count, StringComparer.Ordinal);
        var awards = CategoryIds.All.Select(category => new AwardHeldTotals(category,
                entriesPerAward.GetValueOrDefault(category) >= MinimumEntriesForTotals
                    ? byAward.TryGetValue(category, out var a) ? new HeldTotals(a.Waiting, a.Confirmed, a.Cleared) : new HeldTotals(0, 0, 0)
                    : null))
            .ToList();
        var totals = new HeldTotals(byAward.Values.Sum(a => a.Waiting), byAward.Values.Sum(a => a.Confirmed), byAward.Values.Sum(a => a.Cleared));

        var groups = await holds.GroupsAsync(campaignId, cancellationToken);
        var signals = groups.GroupBy(g => g.Signal).OrderBy(g => g.Key).Select(signal =>
            {
                var waiting = signal.Sum(g => g.Waiting);
                return new SignalGroup(signal.Key, waiting, HoldReview.CanDecide(waiting, MinimumGroup), signal.Select(g => new NetworkGroup(
                    g.Network, g.Waiting, g.Confirmed, g.Cleared, g.WaitingWithdrawn, g.Accounts, ToMinute(g.FirstVotedAt), ToMinute(g.LastVotedAt),
                    g.MostBurstVotes, g.FirstPlace, g.LastPlace, HoldReview.CanDecide(g.Waiting, MinimumGroup))).ToList());
            })
            .ToList();
        return new HeldVotesView(campaignId, voting.Campaign.Phase, voting.Campaign.Settings.Fraud ?? new FraudThresholds(), MinimumGroup, totals, awards, signals);
    }

    /// <summary>Decides the waiting holds of one signal from one network (or, with no network, all of the signal's), if there are enough.</summary>
    public Task<GroupDecisionResult> DecideAsync(
        string campaignId, FraudReason signal, string? network, HoldDecision decision, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        holds.DecideGroupAsync(campaignId, signal, string.IsNullOrEmpty(network) ? null : network, decision, MinimumGroup, Actor(user), clock.UtcNow, cancellationToken);

    private static DateTimeOffset ToMinute(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, at.Offset);
}
