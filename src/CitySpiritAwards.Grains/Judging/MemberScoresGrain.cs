using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Storage;
using CitySpiritAwards.Grains.Time;

namespace CitySpiritAwards.Grains.Judging;

public sealed class MemberScoresGrain(
    [PersistentState("scores", StorageNames.Awards)] IPersistentState<MemberScoresState> state,
    AwardsClock clock) : Grain, IMemberScoresGrain
{
    private string CampaignId => JudgingKeys.Split(this.GetPrimaryKeyString()).CampaignId;
    private string MemberId => JudgingKeys.Split(this.GetPrimaryKeyString()).Id;

    public Task<IReadOnlyList<ScoreSheetView>> GetAsync() => Task.FromResult<IReadOnlyList<ScoreSheetView>>(state.State.Sheets.ToList());

    public async Task<ScoreOutcome> SaveAsync(string entryId, IReadOnlyDictionary<string, int> marks, string? comment, SheetAction action)
    {
        var nomination = await GrainFactory.GetGrain<INominationGrain>(entryId).GetAsync();
        var campaign = await GrainFactory.GetGrain<ICampaignGrain>(CampaignId).GetAsync();
        if (nomination is null || campaign is null || nomination.CampaignId != CampaignId || !nomination.IsPublic)
            return Refused(JudgingRefusals.NotFound);
        var categoryId = nomination.Draft.CategoryId;
        var assignment = await GrainFactory.GetGrain<IJudgeAssignmentGrain>(JudgingKeys.For(CampaignId, categoryId)).GetAsync();
        var window = await GrainFactory.ScoringWindowAsync(campaign, categoryId, assignment?.JudgesOf(entryId).Contains(MemberId) == true, clock);
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
        await state.WriteStateAsync();
        return new ScoreOutcome(sheet, [], null);
    }

    private static ScoreOutcome Refused(string refusal) => new(null, [], refusal);
}

[GenerateSerializer, Alias("CitySpiritAwards.MemberScoresState")]
public sealed class MemberScoresState
{
    [Id(0)] public List<ScoreSheetView> Sheets { get; set; } = [];
}
