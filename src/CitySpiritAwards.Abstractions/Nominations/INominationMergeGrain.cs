using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Abstractions.Nominations;

/// <summary>
/// Merges a campaign's duplicate nominations, keyed by campaign id. It takes one merge at a time, so two moderators
/// merging A into B and B into A at once get one merge and one refusal, and no nomination ever waits on another.
/// </summary>
[Alias("CitySpiritAwards.INominationMergeGrain")]
public interface INominationMergeGrain : IGrainWithStringKey
{
    [Alias("Merge")]
    Task<NominationOutcome> MergeAsync(string nominationId, string targetId, string moderatorId);
}
