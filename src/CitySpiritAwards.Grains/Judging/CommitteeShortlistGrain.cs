using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Nominations;
using Orleans.Concurrency;

namespace CitySpiritAwards.Grains.Judging;

/// <summary>
/// Reads the category's assignment, its judges' submitted sheets and the campaign's rubric, ranks with
/// <see cref="CommitteeShortlist"/> and publishes. Holds no state: the shortlist grain keeps the first published one.
/// </summary>
[StatelessWorker]
public sealed class CommitteeShortlistGrain(INominationIndex nominations) : Grain, ICommitteeShortlistGrain
{
    public async Task<ShortlistSnapshot> PublishAsync(string actor)
    {
        var key = this.GetPrimaryKeyString();
        var (campaignId, categoryId) = JudgingKeys.Split(key);
        var shortlist = GrainFactory.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(campaignId, categoryId));
        if (await shortlist.GetAsync() is { } published)
            return published;

        var campaign = await GrainFactory.GetGrain<ICampaignGrain>(campaignId).GetAsync()
            ?? throw new InvalidOperationException($"Campaign '{campaignId}' does not exist.");
        var assignment = await GrainFactory.GetGrain<IJudgeAssignmentGrain>(key).GetAsync();
        var rubric = await GrainFactory.GetGrain<ICampaignRubricGrain>(key).GetAsync();
        if (assignment is null || rubric is null)
            return await shortlist.PublishAsync([], actor);

        // Entries whose nominee withdrew consent (or that were hidden) since assignment are out of judging.
        var stillIn = (await nominations.EntriesInJudgingAsync(campaignId, categoryId)).Select(n => n.Id).ToHashSet();
        var judgesByEntry = assignment.Entries.Where(e => stillIn.Contains(e.EntryId)).ToDictionary(e => e.EntryId, e => e.Judges);
        var members = judgesByEntry.Values.SelectMany(j => j).Distinct().ToList();
        var sheets = await Task.WhenAll(members.Select(async member =>
            (Member: member, Sheets: await GrainFactory.GetGrain<IMemberScoresGrain>(JudgingKeys.For(campaignId, member)).GetAsync())));
        var submitted = sheets.SelectMany(m => m.Sheets
            .Where(s => s.Status == SheetStatus.Submitted && s.CategoryId == categoryId)
            .Select(s => new SubmittedMarks(m.Member, s.EntryId, s.Marks)));

        var ranked = CommitteeShortlist.Build(submitted, judgesByEntry, rubric, campaign.Settings.ShortlistSize);
        return await shortlist.PublishAsync(
            ranked.Select((r, i) => new ShortlistedEntry(r.EntryId, i + 1, r.NormalizedScore, r.RawScore, r.ScoreCount)).ToList(), actor);
    }
}
