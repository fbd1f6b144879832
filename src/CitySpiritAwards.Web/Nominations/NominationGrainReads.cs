using CitySpiritAwards.Abstractions.Nominations;

namespace CitySpiritAwards.Web.Nominations;

/// <summary>Reads of a few nomination grains (a resident's own, a shortlist's), where their full state is needed; lists come from the read table.</summary>
public static class NominationGrainReads
{
    /// <summary>The nominations with these ids, in parallel; ids whose grain holds nothing (yet) are left out.</summary>
    public static async Task<IReadOnlyList<NominationView>> LoadNominationsAsync(this IGrainFactory grains, IEnumerable<string> ids)
    {
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<INominationGrain>(id).GetAsync()));
        return views.OfType<NominationView>().ToList();
    }

    /// <summary>A resident's nominations in a campaign.</summary>
    public static async Task<IReadOnlyList<NominationView>> LoadResidentNominationsAsync(this IGrainFactory grains, string campaignId, string residentId) =>
        await grains.LoadNominationsAsync(
            await grains.GetGrain<IResidentNominationsGrain>(IResidentNominationsGrain.KeyFor(campaignId, residentId)).ListAsync());
}
