using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Storage;

namespace CitySpiritAwards.Grains.Nominations;

public sealed class ResidentNominationsGrain(
    [PersistentState("resident-nominations", StorageNames.Awards)] IPersistentState<ResidentNominationsState> state) : Grain, IResidentNominationsGrain
{
    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>(state.State.NominationIds.ToList());

    public async Task<int> RemainingAsync()
    {
        var campaign = await GrainFactory.GetGrain<ICampaignGrain>(ParseKey().CampaignId).GetAsync();
        return campaign is null ? 0 : NominationQuota.Remaining(await CountingAsync(), campaign.Settings);
    }

    public async Task<NominationOutcome> SubmitAsync(string nominationId, NominationDraft draft, IReadOnlyList<string> photoIds)
    {
        NominationPhotos.EnsureValid(photoIds); // before anything is reserved
        var (campaignId, residentId) = ParseKey();
        var nomination = GrainFactory.GetGrain<INominationGrain>(nominationId);
        var submission = new NominationSubmission(campaignId, residentId, draft, photoIds);

        var reservedNow = !state.State.NominationIds.Contains(nominationId);
        if (reservedNow)
        {
            var campaign = await GrainFactory.GetGrain<ICampaignGrain>(campaignId).GetAsync();
            if (campaign is null)
                return NominationOutcome.Refused(RefusalCodes.NotFound);
            if (!NominationQuota.CanNominate(await CountingAsync(), campaign.Settings))
                return NominationOutcome.Refused(RefusalCodes.QuotaReached);
            // Reserve the id before creating, so a crash in between leaves a reservation the retry completes,
            // never a nomination that escaped the count.
            state.State.NominationIds.Add(nominationId);
            await state.WriteStateAsync();
        }

        var outcome = await nomination.CreateAsync(submission);
        if (reservedNow && !outcome.Succeeded)
        {
            // Refused or invalid: the reservation made for this call is released so it does not use up the quota.
            state.State.NominationIds.Remove(nominationId);
            await state.WriteStateAsync();
        }
        return outcome;
    }

    /// <summary>Nominations that count towards the limit: all but the withdrawn ones.</summary>
    private async Task<int> CountingAsync()
    {
        var views = await Task.WhenAll(state.State.NominationIds.Select(id => GrainFactory.GetGrain<INominationGrain>(id).GetAsync()));
        return views.Count(v => v is not null && v.Status != NominationStatus.Withdrawn);
    }

    private (string CampaignId, string ResidentId) ParseKey()
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }
}

[GenerateSerializer, Alias("CitySpiritAwards.ResidentNominationsState")]
public sealed class ResidentNominationsState
{
    [Id(0)] public List<string> NominationIds { get; set; } = [];
}
