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
    /// Whether the nomination exists and may not be shown (consent not or no longer given, hidden, withdrawn...): what
    /// voting and results ask of each shortlisted entry, several times a second, so only a yes or no crosses the wire.
    /// </summary>
    [Alias("IsTakenDown")]
    Task<bool> IsTakenDownAsync();

    /// <summary>
    /// Creates the nomination. Called by <see cref="IResidentNominationsGrain"/>, which enforces the resident's quota.
    /// The same submission again returns the nomination as it is (idempotent); other content under the same id is refused.
    /// </summary>
    [Alias("Create")]
    Task<NominationOutcome> CreateAsync(NominationSubmission submission);

    /// <summary>Puts in a nomination already approved and consented to elsewhere (seeds, imports).</summary>
    [Alias("Import")]
    Task<NominationView> ImportApprovedAsync(NominationSubmission submission, string actor);

    /// <summary>
    /// The nominator changes what they wrote and which photos come with it: <paramref name="keptPhotoIds"/> stay if they
    /// are still attached when the edit is applied (an edit in another tab may have removed them), and
    /// <paramref name="addedPhotoIds"/> (already stored by the web layer) are added.
    /// </summary>
    [Alias("Edit")]
    Task<NominationOutcome> EditAsync(string nominatorId, NominationDraft draft, IReadOnlyList<string> keptPhotoIds, IReadOnlyList<string> addedPhotoIds);

    /// <summary>
    /// Folds this nomination into another of the same nominee during Screening. Called by
    /// <see cref="INominationMergeGrain"/>, which reads the target and takes one merge at a time per campaign.
    /// </summary>
    [Alias("MergeInto")]
    Task<NominationOutcome> MergeIntoAsync(string targetId, NominationStatus targetStatus, string moderatorId);

    /// <summary>
    /// Writes the nomination's row in the read table from its stored state, and clears its pending mark (the catch-up
    /// job after a crash between the two writes, a rebuild, an upgrade). Idempotent.
    /// </summary>
    [Alias("RefreshIndex")]
    Task RefreshIndexAsync();

    [Alias("Withdraw")]
    Task<NominationOutcome> WithdrawAsync(string nominatorId);

    /// <summary>
    /// The nominee's answer, through the emailed consent link, which names the <paramref name="round"/> it was sent for
    /// (<see cref="NominationView.ConsentRound"/>). A link from before the nomination changed is refused
    /// (<c>RefusalCodes.ConsentLinkReplaced</c>): it was for what the nomination said then, or for another address.
    /// </summary>
    [Alias("Consent")]
    Task<NominationOutcome> ConsentAsync(ConsentAction action, int round);

    /// <summary>
    /// Records whether the consent email of <paramref name="round"/> went out: held back by a daily limit (the nominator's
    /// My nominations page then offers to send it), or sent after all. Returns whether this call changed that, so of two
    /// racing "send it now" presses only one sends; a round that is no longer current changes nothing.
    /// </summary>
    [Alias("RecordConsentEmail")]
    Task<bool> RecordConsentEmailAsync(int round, bool sent);

    [Alias("Moderate")]
    Task<NominationOutcome> ModerateAsync(ModerationAction action, string moderatorId, string? reason);
}
