namespace CitySpiritAwards.Abstractions.Nominations;

/// <summary>One nomination of a resident for an award, keyed by its id.</summary>
[Alias("CitySpiritAwards.INominationGrain")]
public interface INominationGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<NominationSnapshot?> GetAsync();

    /// <summary>Stores the nomination. Submitting the same id again is idempotent when the content matches.</summary>
    [Alias("Submit")]
    Task<NominationSnapshot> SubmitAsync(NewNomination nomination);
}
