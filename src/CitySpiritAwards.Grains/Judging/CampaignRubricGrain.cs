using CitySpiritAwards.Abstractions.Categories;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Grains.Storage;

namespace CitySpiritAwards.Grains.Judging;

public sealed class CampaignRubricGrain(
    [PersistentState("rubric", StorageNames.Awards)] IPersistentState<CampaignRubricState> state) : Grain, ICampaignRubricGrain
{
    private string CategoryId => JudgingKeys.Split(this.GetPrimaryKeyString()).Id;

    public async Task<Rubric?> GetAsync() =>
        state.State.Rubric ?? (await GrainFactory.GetGrain<ICategoryGrain>(CategoryId).GetAsync())?.Rubric;
}

[GenerateSerializer, Alias("CitySpiritAwards.CampaignRubricState")]
public sealed class CampaignRubricState
{
    [Id(0)] public Rubric? Rubric { get; set; }
}
