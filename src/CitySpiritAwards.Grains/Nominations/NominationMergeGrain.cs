using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Grains.Nominations;

public sealed class NominationMergeGrain : Grain, INominationMergeGrain
{
    public async Task<NominationOutcome> MergeAsync(string nominationId, string targetId, string moderatorId)
    {
        var campaignId = this.GetPrimaryKeyString();
        var source = await GrainFactory.GetGrain<INominationGrain>(nominationId).GetAsync();
        // No grain has an empty key: a request naming no target is refused, not failed.
        var target = string.IsNullOrEmpty(targetId) ? null : await GrainFactory.GetGrain<INominationGrain>(targetId).GetAsync();
        if (source is null || source.CampaignId != campaignId)
            return NominationOutcome.Refused(RefusalCodes.NotFound);
        if (target is null || target.CampaignId != campaignId)
            return NominationOutcome.Refused(RefusalCodes.NotFound, source);
        return await GrainFactory.GetGrain<INominationGrain>(nominationId).MergeIntoAsync(targetId, target.Status, moderatorId);
    }
}
