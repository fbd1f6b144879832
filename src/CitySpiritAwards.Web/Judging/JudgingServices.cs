using System.Globalization;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Domain.Seeds;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Storage.Judging;
using CitySpiritAwards.Storage.Nominations;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Judging;

/// <summary>An entry as a judge sees it: what was nominated, never who nominated it (judging is blind).</summary>
public sealed record BlindEntry(string Id, string CategoryId, string DistrictId, string NomineeName, string? StoryZh, string? StoryEn, IReadOnlyList<string> PhotoIds)
{
    public static BlindEntry From(NominationListing n) =>
        new(n.Id, n.CategoryId, n.DistrictId, n.NomineeName, n.StoryZh, n.StoryEn, n.PhotoIds);
}

/// <summary>One line of a member's queue: the entry, where their score stands, and why it can no longer change (or null).</summary>
public sealed record QueueItem(string EntryId, string CategoryId, string NomineeName, string DistrictId, SheetStatus Status, string? ClosedBecause)
{
    public static QueueItem From(QueueEntry entry, string? closedBecause) =>
        new(entry.EntryId, entry.CategoryId, entry.NomineeName, entry.DistrictId, entry.Status, closedBecause);
}

/// <summary>A page of a member's entries in a campaign, in the order they work through them, and the next one to score.</summary>
/// <param name="Count">All the member's entries, on every page.</param>
/// <param name="Submitted">How many of them they have submitted.</param>
public sealed record MemberQueue(
    CampaignSnapshot Campaign, IReadOnlyList<QueueItem> Items, DateTimeOffset? ClosesAt, int Count, int Submitted, Paging Paging, QueueItem? Next);

/// <summary>One entry with what the member needs to score it: the rubric in force and their own sheet, if any.</summary>
public sealed record JudgeEntry(QueueItem Item, BlindEntry Entry, Rubric Rubric, ScoreSheetView? Sheet, int Position, int Count, DateTimeOffset? ClosesAt);

/// <summary>Reads and messages the committee pages and API share; the lists come from the judging tables.</summary>
public sealed record JudgingServices(
    IGrainFactory Grains, IStringLocalizer<SharedResource> Text, AwardsClock Clock, SeedData Seeds, JudgingQueries Queries, NominationQueries Nominations)
{
    public Task<CampaignSnapshot?> CampaignAsync(string campaignId) => Grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();

    /// <summary>A page of the entries assigned to a member; null when the campaign does not exist.</summary>
    public async Task<MemberQueue?> QueueAsync(string campaignId, string memberId, int? page = null, QueueFilter? filter = null)
    {
        if (await CampaignAsync(campaignId) is not { } campaign)
            return null;
        var closed = await ClosedBecauseAsync(campaign);
        var entries = await Queries.QueueAsync(campaignId, memberId, page, null, filter);
        var next = await NextToScoreAsync(campaign, closed, memberId, afterEntryId: null);
        return new MemberQueue(campaign, entries.Items.Select(e => QueueItem.From(e, closed[e.CategoryId])).ToList(),
            ClosesAt(campaign), entries.Count, entries.Submitted, entries.Paging, next);
    }

    /// <summary>The member's next entry still to submit after <paramref name="afterEntryId"/> (wrapping round), or null when none is left.</summary>
    public async Task<QueueItem?> NextToScoreAsync(string campaignId, string memberId, string? afterEntryId) =>
        await CampaignAsync(campaignId) is { } campaign
            ? await NextToScoreAsync(campaign, await ClosedBecauseAsync(campaign), memberId, afterEntryId)
            : null;

    /// <summary>One of the member's entries; null when it is not assigned to them (or does not exist).</summary>
    public async Task<JudgeEntry?> EntryAsync(string campaignId, string memberId, string entryId)
    {
        if (await CampaignAsync(campaignId) is not { } campaign
            || await Queries.FindInQueueAsync(campaignId, memberId, entryId) is not { } inQueue
            || (await Nominations.FindAsync([entryId])).SingleOrDefault() is not { } nomination)
            return null;
        var (found, position, count) = inQueue;
        var closed = await ClosedBecauseAsync(campaign);
        var rubric = await Grains.GetGrain<ICampaignRubricGrain>(JudgingKeys.For(campaignId, found.CategoryId)).GetAsync();
        var sheet = await Grains.GetGrain<IMemberScoresGrain>(JudgingKeys.For(campaignId, memberId)).GetSheetAsync(entryId);
        return rubric is null
            ? null
            : new JudgeEntry(QueueItem.From(found, closed[found.CategoryId]), BlindEntry.From(nomination), rubric, sheet, position, count, ClosesAt(campaign));
    }

    /// <summary>Per award, why its scores can no longer change (null while they can): the phase, the deadline, a final shortlist.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> ClosedBecauseAsync(CampaignSnapshot campaign)
    {
        var closed = new Dictionary<string, string?>();
        foreach (var category in CategoryIds.All)
        {
            var finalised = await Grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(campaign.Id, category)).GetAsync() is not null;
            closed[category] = new ScoringWindow(true, campaign.Phase, ClosesAt(campaign), Clock.UtcNow, finalised).ClosedBecause;
        }
        return closed;
    }

    private async Task<QueueItem?> NextToScoreAsync(CampaignSnapshot campaign, IReadOnlyDictionary<string, string?> closed, string memberId, string? afterEntryId)
    {
        var open = closed.Where(c => c.Value is null).Select(c => c.Key).ToList();
        return await Queries.NextToScoreAsync(campaign.Id, memberId, afterEntryId, open) is { } next ? QueueItem.From(next, null) : null;
    }

    private static DateTimeOffset? ClosesAt(CampaignSnapshot campaign) => campaign.Schedule.StartOf(CampaignPhase.PublicVoting);

    public string CategoryName(string categoryId, string culture) =>
        Seeds.Categories.FirstOrDefault(c => c.Id == categoryId)?.Name.For(culture) ?? categoryId;

    public string DistrictName(string districtId, string culture) =>
        Seeds.Districts.FirstOrDefault(d => d.Id == districtId)?.Name.For(culture) ?? districtId;

    public string Refusal(string code) => Text[$"Judging.Refusal.{code}"];

    public string Problem(ScoringProblem problem) => Text[$"Judging.Problem.{problem.Code}"];
}
