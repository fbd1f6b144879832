using Orleans.Concurrency;

namespace CitySpiritAwards.Abstractions.Tallying;

/// <summary>
/// A campaign's final results, keyed by campaign id: per category the shortlist ranked by committee and public vote
/// together (<c>Domain.Tallying.FinalRanking</c>). Computed once when the campaign enters Tallying, however many jobs
/// and silos ask; computed again only when an administrator asks while the campaign is still in Tallying; made public
/// and final once the campaign is Published. Every computation and the publication are in its history.
/// </summary>
[Alias("CitySpiritAwards.IResultsGrain")]
public interface IResultsGrain : IGrainWithStringKey
{
    /// <summary>The results, or null while none were computed.</summary>
    [ReadOnly, Alias("Get")]
    Task<CampaignResults?> GetAsync();

    /// <summary>Computes the results unless they already were (then returns them unchanged). From Tallying on.</summary>
    [Alias("Compute")]
    Task<ResultsOutcome> ComputeAsync(string actor);

    /// <summary>Computes the results again from the shortlists and the votes counted now. Only while the campaign is in Tallying.</summary>
    [Alias("Recompute")]
    Task<ResultsOutcome> RecomputeAsync(string actor);

    /// <summary>
    /// Publishes the results (computing them first if needed) once the campaign is Published. Publishing again
    /// changes nothing: the first publication stands.
    /// </summary>
    [Alias("Publish")]
    Task<ResultsOutcome> PublishAsync(string actor);
}
