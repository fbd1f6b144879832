using System.Globalization;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Domain.Seeds;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Nominations;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Judging;

/// <summary>An entry as a judge sees it: what was nominated, never who nominated it (judging is blind).</summary>
public sealed record BlindEntry(string Id, string CategoryId, string DistrictId, string NomineeName, string? StoryZh, string? StoryEn, IReadOnlyList<string> PhotoIds)
{
    public static BlindEntry From(NominationView n) =>
        new(n.Id, n.Draft.CategoryId, n.Draft.DistrictId, n.Draft.NomineeName, n.Draft.StoryZh, n.Draft.StoryEn, n.PhotoIds);
}

/// <summary>One line of a member's queue: the entry, where their score stands, and why it can no longer change (or null).</summary>
public sealed record QueueItem(BlindEntry Entry, SheetStatus Status, string? ClosedBecause);

/// <summary>A member's entries in a campaign, in the order they work through them.</summary>
public sealed record MemberQueue(CampaignSnapshot Campaign, IReadOnlyList<QueueItem> Items, DateTimeOffset? ClosesAt)
{
    public int Submitted => Items.Count(i => i.Status == SheetStatus.Submitted);

    /// <summary>The next entry not yet submitted after <paramref name="entryId"/> (wrapping round), or null when all are.</summary>
    public QueueItem? NextToScore(string? entryId = null)
    {
        var start = Items.ToList().FindIndex(i => i.Entry.Id == entryId) + 1;
        return Items.Skip(start).Concat(Items.Take(start))
            .FirstOrDefault(i => i.Status != SheetStatus.Submitted && i.ClosedBecause is null && i.Entry.Id != entryId);
    }
}

/// <summary>One entry with what the member needs to score it: the rubric in force and their own sheet, if any.</summary>
public sealed record JudgeEntry(QueueItem Item, Rubric Rubric, ScoreSheetView? Sheet, int Position, int Count, DateTimeOffset? ClosesAt);

/// <summary>Reads and messages the committee pages and API share.</summary>
public sealed record JudgingServices(IGrainFactory Grains, IStringLocalizer<SharedResource> Text, AwardsClock Clock, SeedData Seeds)
{
    public Task<CampaignSnapshot?> CampaignAsync(string campaignId) => Grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();

    /// <summary>The entries assigned to a member, category by category; null when the campaign does not exist.</summary>
    public async Task<MemberQueue?> QueueAsync(string campaignId, string memberId)
    {
        if (await CampaignAsync(campaignId) is not { } campaign)
            return null;
        var closesAt = campaign.Schedule.StartOf(CampaignPhase.PublicVoting);
        var sheets = (await Grains.GetGrain<IMemberScoresGrain>(JudgingKeys.For(campaignId, memberId)).GetAsync()).ToDictionary(s => s.EntryId);
        var items = new List<QueueItem>();
        foreach (var category in CategoryIds.All)
        {
            var assignment = await Grains.GetGrain<IJudgeAssignmentGrain>(JudgingKeys.For(campaignId, category)).GetAsync();
            if (assignment?.EntriesOf(memberId) is not { Count: > 0 } mine)
                continue;
            var finalised = await Grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(campaignId, category)).GetAsync() is not null;
            var closed = new ScoringWindow(true, campaign.Phase, closesAt, Clock.UtcNow, finalised).ClosedBecause;
            var entries = await Grains.LoadNominationsAsync(mine.Select(e => e.EntryId));
            items.AddRange(entries.Where(n => n.IsPublic).OrderBy(n => n.Id, StringComparer.Ordinal).Select(n =>
                new QueueItem(BlindEntry.From(n), sheets.GetValueOrDefault(n.Id)?.Status ?? SheetStatus.ToDo, closed)));
        }
        return new MemberQueue(campaign, items, closesAt);
    }

    /// <summary>One of the member's entries; null when it is not assigned to them (or does not exist).</summary>
    public async Task<JudgeEntry?> EntryAsync(MemberQueue queue, string memberId, string entryId)
    {
        var index = queue.Items.ToList().FindIndex(i => i.Entry.Id == entryId);
        if (index < 0)
            return null;
        var item = queue.Items[index];
        var rubric = await Grains.GetGrain<ICampaignRubricGrain>(JudgingKeys.For(queue.Campaign.Id, item.Entry.CategoryId)).GetAsync();
        var sheet = (await Grains.GetGrain<IMemberScoresGrain>(JudgingKeys.For(queue.Campaign.Id, memberId)).GetAsync())
            .FirstOrDefault(s => s.EntryId == entryId);
        return rubric is null ? null : new JudgeEntry(item, rubric, sheet, index + 1, queue.Items.Count, queue.ClosesAt);
    }

    public string CategoryName(string categoryId, string culture) =>
        Seeds.Categories.FirstOrDefault(c => c.Id == categoryId)?.Name.For(culture) ?? categoryId;

    public string DistrictName(string districtId, string culture) =>
        Seeds.Districts.FirstOrDefault(d => d.Id == districtId)?.Name.For(culture) ?? districtId;

    /// <summary>A time as the committee reads it: Shanghai time, e.g. 2027-04-11 09:03.</summary>
    public static string ShanghaiTime(DateTimeOffset at) =>
        at.ToOffset(ReminderRules.ShanghaiOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Refusal(string code) => Text[$"Judging.Refusal.{code}"];

    public string Problem(ScoringProblem problem) => Text[$"Judging.Problem.{problem.Code}"];
}
