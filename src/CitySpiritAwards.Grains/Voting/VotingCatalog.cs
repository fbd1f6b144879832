using System.Collections.Concurrent;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Voting;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Grains.Voting;

/// <summary>A campaign as voting sees it: the campaign, its published shortlists, and the context the vote rules read.</summary>
public sealed record CampaignVoting(CampaignSnapshot Campaign, IReadOnlyList<ShortlistSnapshot> Shortlists, VotingContext Context);

/// <summary>
/// What this silo knows about each campaign's voting, read from the campaign and shortlist grains and reused for
/// <see cref="VotingOptions.CampaignRefresh"/>, so a city-wide peak of votes does not queue at one campaign grain.
/// A published shortlist never changes, so it is read once; which of its entries were taken down since (consent
/// withdrawn, hidden) is asked of their nomination grains at every refresh, so a take-down reaches every silo's votes
/// within the refresh time. The scheduled close is exact whatever the age (the rules
/// compare it with the clock); an administrator's early close reaches every silo within the refresh time, and a vote
/// refused as "closed" or "not shortlisted" reads the campaign again before the refusal stands.
/// </summary>
public sealed class VotingCatalog(IGrainFactory grains, IOptions<VotingOptions> options)
{
    private readonly ConcurrentDictionary<string, Slot> _campaigns = new(StringComparer.Ordinal);

    /// <summary>The campaign's voting, at most the refresh time old (or read now when <paramref name="fresh"/>); null if there is no such campaign.</summary>
    public Task<CampaignVoting?> GetAsync(string campaignId, bool fresh = false)
    {
        var slot = _campaigns.GetOrAdd(campaignId, _ => new Slot());
        // The common case, without taking the lock: a successful read younger than the refresh time.
        var loaded = Volatile.Read(ref slot.Loading);
        if (!fresh && loaded is { IsCompletedSuccessfully: true }
            && Environment.TickCount64 - Volatile.Read(ref slot.LoadedAt) <= options.Value.CampaignRefresh.TotalMilliseconds)
            return loaded;
        lock (slot)
        {
            var current = slot.Loading;
            var stale = current is null
                || (current.IsCompleted && (!current.IsCompletedSuccessfully || fresh || Environment.TickCount64 - slot.LoadedAt > options.Value.CampaignRefresh.TotalMilliseconds));
            if (!stale)
                return current!;
            slot.LoadedAt = Environment.TickCount64;
            // Off any grain's scheduler: the load is shared by every caller on this silo.
            slot.Loading = Task.Run(() => LoadAsync(campaignId, slot));
            return slot.Loading;
        }
    }

    private async Task<CampaignVoting?> LoadAsync(string campaignId, Slot slot)
    {
        var campaign = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        if (campaign is null)
            return null;
        var missing = CategoryIds.All.Where(c => !slot.Shortlists.ContainsKey(c)).ToList();
        var read = await Task.WhenAll(missing.Select(c => grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(campaignId, c)).GetAsync()));
        foreach (var shortlist in read.OfType<ShortlistSnapshot>())
            slot.Shortlists[shortlist.CategoryId] = shortlist;

        var shortlists = CategoryIds.All.Where(slot.Shortlists.ContainsKey).Select(c => slot.Shortlists[c]).ToList();
        var categoryOfEntry = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var shortlist in shortlists)
        {
            foreach (var entry in shortlist.Entries)
                categoryOfEntry.TryAdd(entry.NominationId, shortlist.CategoryId);
        }
        var takenDown = await TakenDownAsync(categoryOfEntry.Keys, slot);
        return new CampaignVoting(campaign, shortlists, VotingContext.For(campaign.Phase, campaign.Settings, campaign.Schedule, categoryOfEntry, takenDown));
    }

    /// <summary>
    /// The shortlisted entries whose nominations may no longer be shown. Should a nomination not answer now, the last set
    /// read stands until the next refresh: a take-down is final during voting, so that set is never too large.
    /// </summary>
    private async Task<IReadOnlySet<string>> TakenDownAsync(IEnumerable<string> entryIds, Slot slot)
    {
        try
        {
            var answers = await Task.WhenAll(entryIds.Select(async id => (Id: id, TakenDown: await grains.GetGrain<INominationGrain>(id).IsTakenDownAsync())));
            return slot.TakenDown = answers.Where(a => a.TakenDown).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return slot.TakenDown;
        }
    }

    private sealed class Slot
    {
        public Task<CampaignVoting?>? Loading;
        public long LoadedAt;
        public readonly ConcurrentDictionary<string, ShortlistSnapshot> Shortlists = new(StringComparer.Ordinal);
        public IReadOnlySet<string> TakenDown = new HashSet<string>();
    }
}
