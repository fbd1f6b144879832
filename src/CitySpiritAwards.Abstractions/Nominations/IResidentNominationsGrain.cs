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

    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
