using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Abstractions.Nominations;

/// <summary>
/// One resident's nominations in one campaign, keyed "{campaignId}/{residentId}". There is exactly one activation
/// of it in the whole cluster and it takes one call at a time, so racing submissions from several silos cannot
/// exceed the campaign's per-resident limit.
/// </summary>
[Alias("CitySpiritAwards.IResidentNominationsGrain")]
public interface IResidentNominationsGrain : IGrainWithStringKey
{
    static string KeyFor(string campaignId, string residentId) => $"{campaignId}/{residentId}";

    /// <summary>Submits a nomination under the id the browser chose; the same id again is the same nomination.</summary>
    [Alias("Submit")]
    Task<NominationOutcome> SubmitAsync(string nominationId, NominationDraft draft, IReadOnlyList<string> photoIds);

    /// <summary>
    /// How many more the resident may submit now (0 also when there is no such campaign): a cheap look before the web
    /// layer does expensive work such as decoding photos. <see cref="SubmitAsync"/> still decides.
    /// </summary>
    [Alias("Remaining")]
    Task<int> RemainingAsync();

    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
