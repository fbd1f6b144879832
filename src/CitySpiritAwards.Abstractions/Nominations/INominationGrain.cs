using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Abstractions.Nominations;

/// <summary>
/// One nomination, keyed by its id (chosen by the submitting browser, so a double submit reaches the same grain).
/// Every change is checked against the nomination rules and the campaign's phase, and recorded in its history.
/// </summary>
[Alias("CitySpiritAwards.INominationGrain")]
public interface INominationGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<NominationView?> GetAsync();

    /// <summary>
    /// Creates the nomination. Called by <see cref="IResidentNominationsGrain"/>, which enforces the resident's quota.
    /// The same submission again returns the nomination as it is (idempotent); other content under the same id is refused.
    /// </summary>
    [Alias("Create")]
    Task<NominationOutcome> CreateAsync(NominationSubmission submission);

    /// <summary>Puts in a nomination already approved and consented to elsewhere (seeds, imports).</summary>
    [Alias("Import")]
    Task<NominationView> ImportApprovedAsync(NominationSubmission submission, string actor);

    /// <summary>The nominator changes what they wrote and which photos come with it (ids already stored by the web layer).</summary>
    [Alias("Edit")]
    Task<NominationOutcome> EditAsync(string nominatorId, NominationDraft draft, IReadOnlyList<string> photoIds);

    /// <summary>A moderator folds this nomination into another of the same nominee (<paramref name="targetId"/>) during Screening.</summary>
    [Alias("MergeInto")]
    Task<NominationOutcome> MergeIntoAsync(string targetId, string moderatorId);

    [Alias("Withdraw")]
    Task<NominationOutcome> WithdrawAsync(string nominatorId);

    /// <summary>The nominee's answer, through the emailed consent link.</summary>
    [Alias("Consent")]
    Task<NominationOutcome> ConsentAsync(ConsentAction action);

    [Alias("Moderate")]
    Task<NominationOutcome> ModerateAsync(ModerationAction action, string moderatorId, string? reason);
}
