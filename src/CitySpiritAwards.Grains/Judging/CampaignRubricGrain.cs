using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Categories;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Storage;
using CitySpiritAwards.Grains.Time;

namespace CitySpiritAwards.Grains.Judging;

public sealed class CampaignRubricGrain(
    [PersistentState("rubric", StorageNames.Awards)] IPersistentState<CampaignRubricState> state,
    AwardsClock clock) : Grain, ICampaignRubricGrain
{
    private string CampaignId => JudgingKeys.Split(this.GetPrimaryKeyString()).CampaignId;
    private string CategoryId => JudgingKeys.Split(this.GetPrimaryKeyString()).Id;

    public async Task<Rubric?> GetAsync() =>
        state.State.Rubric ?? (await GrainFactory.GetGrain<ICategoryGrain>(CategoryId).GetAsync())?.Rubric;

    public Task<bool> IsCustomAsync() => Task.FromResult(state.State.Rubric is not null);

    public async Task<RubricOutcome> SetAsync(Rubric rubric, string actor)
    {
        var campaign = await GrainFactory.GetGrain<ICampaignGrain>(CampaignId).GetAsync();
        if (campaign is null || !CategoryIds.IsKnown(CategoryId))
            return new RubricOutcome(JudgingRefusals.NotFound, []);
        if (RubricEditing.Refusal(campaign.Phase) is { } refusal)
            return new RubricOutcome(refusal, []);
        var problems = RubricEditing.Problems(rubric);
        if (problems.Count > 0)
            return new RubricOutcome(null, problems);

        state.State.Rubric = rubric;
        state.State.History.Add(new AuditEntry(clock.UtcNow, actor, $"rubric: {string.Join(", ", rubric.Criteria.Select(c => $"{c.Id} {c.WeightPercent}%"))}"));
        await state.WriteStateAsync();
        return new RubricOutcome(null, []);
    }
}

[GenerateSerializer, Alias("CitySpiritAwards.CampaignRubricState")]
public sealed class CampaignRubricState
{
    [Id(0)] public Rubric? Rubric { get; set; }
    [Id(1)] public List<AuditEntry> History { get; set; } = [];
}
