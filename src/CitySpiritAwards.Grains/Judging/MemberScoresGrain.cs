using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Storage;
using CitySpiritAwards.Grains.Time;
using Microsoft.Extensions.Logging;

namespace CitySpiritAwards.Grains.Judging;

public sealed class MemberScoresGrain(
    [PersistentState("scores", StorageNames.Awards)] IPersistentState<MemberScoresState> state,
    IJudgingIndex judging,
    AwardsClock clock,
    ILogger<MemberScoresGrain> logger) : Grain, IMemberScoresGrain
{
    private string CampaignId => JudgingKeys.Split(this.GetPrimaryKeyString()).CampaignId;
    private string MemberId => JudgingKeys.Split(this.GetPrimaryKeyString()).Id;

    public Task<IReadOnlyList<ScoreSheetView>> GetAsync() => Task.FromResult<IReadOnlyList<ScoreSheetView>>(state.State.Sheets.ToList());

    public Task<ScoreSheetView?> GetSheetAsync(string entryId) => Task.FromResult(state.State.Sheets.FirstOrDefault(s => s.EntryId == entryId));

    public async Task RefreshIndexAsync()
    {
        var rubrics = new Dictionary<string, Rubric?>();
        foreach (var categoryId in state.State.Sheets.Select(s => s.CategoryId).Distinct())
            rubrics[categoryId] = await GrainFactory.GetGrain<ICampaignRubricGrain>(JudgingKeys.For(CampaignId, categoryId)).GetAsync();
        await judging.WriteSheetsAsync(new SheetRows(CampaignId, MemberId, state.State.Version,
            state.State.Sheets.Select(s => Row(s, rubrics[s.CategoryId])).ToList(), Complete: true));
    }

    public async Task<ScoreOutcome> SaveAsync(string entryId, IReadOnlyDictionary<string, int> marks, string? comment, SheetAction action)
    {
        var nomination = await GrainFactory.GetGrain<INominationGrain>(entryId).GetAsync();
        var campaign = await GrainFactory.GetGrain<ICampaignGrain>(CampaignId).GetAsync();
        if (nomination is null || campaign is null || nomination.CampaignId != CampaignId || !nomination.IsPublic)
            return Refused(JudgingRefusals.NotFound);
        var categoryId = nomination.Draft.CategoryId;
        var isJudge = await GrainFactory.GetGrain<IJudgeAssignmentGrain>(JudgingKeys.For(CampaignId, categoryId)).IsJudgeAsync(entryId, MemberId);
        var window = await GrainFactory.ScoringWindowAsync(campaign, categoryId, isJudge, clock);
        var rubric = await GrainFactory.GetGrain<ICampaignRubricGrain>(JudgingKeys.For(CampaignId, categoryId)).GetAsync();
        if (rubric is null)
            return Refused(JudgingRefusals.NotFound);

        var existing = state.State.Sheets.FirstOrDefault(s => s.EntryId == entryId);
        var cleanComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var decision = ScoringRules.Save(window, existing?.Status ?? SheetStatus.ToDo, rubric, marks, cleanComment, action);
        if (!decision.IsAllowed)
            return new ScoreOutcome(null, decision.Problems, decision.Refusal);

        var now = clock.UtcNow;
        var sheet = new ScoreSheetView(entryId, categoryId, new Dictionary<string, int>(marks), cleanComment, decision.Next!.Value, now,
            decision.Next == SheetStatus.Submitted ? now : existing?.SubmittedAt);
        state.State.Sheets.RemoveAll(s => s.EntryId == entryId);
        state.State.Sheets.Add(sheet);
        await PersistAsync(sheet, rubric);
        return new ScoreOutcome(sheet, [], null);
    }

    /// <summary>Stores the sheets, then the saved one's row; the pending mark first, as the nominations do.</summary>
    private async Task PersistAsync(ScoreSheetView sheet, Rubric rubric)
    {
        var key = this.GetPrimaryKeyString();
        await judging.MarkPendingAsync(IJudgingIndex.ScoresKind, key);
        state.State.Version++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
        try
        {
            await judging.WriteSheetsAsync(new SheetRows(CampaignId, MemberId, state.State.Version, [Row(sheet, rubric)], Complete: false));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The score sheets {Key} are stored but their read-table row is not yet; the catch-up job will write it", key);
        }
    }

    /// <summary>A sheet as the chairs' page lists it: its weighted score once submitted and complete by the rubric.</summary>
    private static SheetRow Row(ScoreSheetView sheet, Rubric? rubric) => new(
        sheet.EntryId, sheet.CategoryId, sheet.Status,
        sheet.Status == SheetStatus.Submitted && rubric is not null && ScoringRules.Check(rubric, sheet.Marks, null, complete: true).Count == 0
            ? rubric.WeightedScore(sheet.Marks)
            : null,
        sheet.Comment, sheet.SavedAt);

    private static ScoreOutcome Refused(string refusal) => new(null, [], refusal);
}

[GenerateSerializer, Alias("CitySpiritAwards.MemberScoresState")]
public sealed class MemberScoresState
{
    [Id(0)] public List<ScoreSheetView> Sheets { get; set; } = [];

    /// <summary>Counts stored changes; the read table keeps the newest row it was given per sheet.</summary>
    [Id(1)] public long Version { get; set; }
}
