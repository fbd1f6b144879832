using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Grains.Storage;

namespace CitySpiritAwards.Grains.Campaigns;

public sealed class CampaignDirectoryGrain(
    [PersistentState("campaigns", StorageNames.Awards)] IPersistentState<CampaignDirectoryState> state) : Grain, ICampaignDirectoryGrain
{
    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>(state.State.CampaignIds.ToList());

    public async Task AddAsync(string campaignId)
    {
        if (state.State.CampaignIds.Contains(campaignId))
            return;
        state.State.CampaignIds.Add(campaignId);
        await state.WriteStateAsync();
    }
}

[GenerateSerializer, Alias("CitySpiritAwards.CampaignDirectoryState")]
public sealed class CampaignDirectoryState
{
    [Id(0)] public List<string> CampaignIds { get; set; } = [];
}
