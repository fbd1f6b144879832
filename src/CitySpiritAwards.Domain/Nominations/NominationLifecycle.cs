using CitySpiritAwards.Domain.Campaigns;

namespace CitySpiritAwards.Domain.Nominations;

/// <summary>
/// The nomination state machine. Every method takes the current state and the campaign's phase (no clocks here: the
/// phase already says what time it is) and returns a decision. Checks run in this order, so the most telling reason
/// wins: already in the target state → the state does not allow it → the phase does not allow it → a missing reason.
/// <code>
///   (new) ──Submit──▶ Submitted ──RequestChanges──▶ ChangesRequested ──Resubmit──▶ Submitted
///   Submitted | ChangesRequested ──Approve / Reject──▶ Approved | Rejected        (Screening)
///   Submitted | ChangesRequested ──Withdraw──▶ Withdrawn                          (Nominating)
///   Submitted | ChangesRequested | Approved ──Merge──▶ Merged                     (Screening)
///   anything ──Hide──▶ Hidden                                                     (any phase)
/// </code>
/// Approved, Rejected, Withdrawn, Merged and Hidden are final, except that an approved, rejected, withdrawn or
/// merged nomination can still be hidden.
/// </summary>
public static class NominationLifecycle
{
    /// <summary>A resident submits a new nomination: only while the campaign is Nominating.</summary>
    public static Decision<NominationStatus> Submit(CampaignPhase phase) =>
        NominatingRules.IsOpen(phase) ? Allow(NominationStatus.Submitted) : Refuse(RefusalCodes.WrongPhase);

    /// <summary>
    /// The nominator edits their nomination; the state stays as it is. A submitted one may be edited while the campaign
    /// is Nominating. One a moderator sent back (ChangesRequested, which only happens during Screening) may also be
    /// edited during Screening, or the requested changes could never be made.
    /// </summary>
    public static Decision<NominationStatus> Edit(NominationStatus status, CampaignPhase phase) => status switch
    {
        NominationStatus.Submitted when phase == CampaignPhase.Nominating => Allow(status),
        NominationStatus.ChangesRequested when phase is CampaignPhase.Nominating or CampaignPhase.Screening => Allow(status),
        NominationStatus.Submitted or NominationStatus.ChangesRequested => Refuse(RefusalCodes.WrongPhase),
        _ => Refuse(RefusalCodes.WrongStatus),
    };

    /// <summary>The nominator sends back a nomination after making the requested changes; it returns to the moderation queue.</summary>
    public static Decision<NominationStatus> Resubmit(NominationStatus status, CampaignPhase phase)
    {
        if (status == NominationStatus.Submitted)
            return Refuse(RefusalCodes.AlreadyDone);
        if (status != NominationStatus.ChangesRequested)
            return Refuse(RefusalCodes.WrongStatus);
        return phase is CampaignPhase.Nominating or CampaignPhase.Screening
            ? Allow(NominationStatus.Submitted)
            : Refuse(RefusalCodes.WrongPhase);
    }

    /// <summary>The nominator takes the nomination back: only before Screening starts, and only while it is still open.</summary>
    public static Decision<NominationStatus> Withdraw(NominationStatus status, CampaignPhase phase) =>
        Move(status, phase, NominationStatus.Withdrawn, CampaignPhase.Nominating);

    /// <summary>A moderator approves an open nomination during Screening.</summary>
    public static Decision<NominationStatus> Approve(NominationStatus status, CampaignPhase phase) =>
        Move(status, phase, NominationStatus.Approved, CampaignPhase.Screening);

    /// <summary>A moderator rejects an open nomination during Screening, with a reason the nominator sees.</summary>
    public static Decision<NominationStatus> Reject(NominationStatus status, CampaignPhase phase, string? reason) =>
        NeedsReason(Move(status, phase, NominationStatus.Rejected, CampaignPhase.Screening), reason);

    /// <summary>A moderator sends a submitted nomination back to its nominator during Screening, saying what to change.</summary>
    public static Decision<NominationStatus> RequestChanges(NominationStatus status, CampaignPhase phase, string? note) =>
        status == NominationStatus.ChangesRequested ? Refuse(RefusalCodes.AlreadyDone)
        : status != NominationStatus.Submitted ? Refuse(RefusalCodes.WrongStatus)
        : NeedsReason(Move(status, phase, NominationStatus.ChangesRequested, CampaignPhase.Screening), note);

    /// <summary>A moderator takes down abusive content: in any phase and from any state, with a reason for the audit log.</summary>
    public static Decision<NominationStatus> Hide(NominationStatus status, string? reason) =>
        status == NominationStatus.Hidden ? Refuse(RefusalCodes.AlreadyDone)
        : string.IsNullOrWhiteSpace(reason) ? Refuse(RefusalCodes.ReasonRequired)
        : Allow(NominationStatus.Hidden);

    /// <summary>
    /// A moderator folds a duplicate (<paramref name="nominationId"/>) into another nomination of the same nominee
    /// (<paramref name="targetId"/>) during Screening. Both must be live: submitted, sent back for changes, or approved.
    /// An already merged one reports <see cref="RefusalCodes.AlreadyDone"/> whichever nomination it went into.
    /// </summary>
    public static Decision<NominationStatus> Merge(
        string nominationId, NominationStatus status, string targetId, NominationStatus targetStatus, CampaignPhase phase)
    {
        if (string.Equals(nominationId, targetId, StringComparison.Ordinal))
            return Refuse(RefusalCodes.SameNomination);
        if (status == NominationStatus.Merged)
            return Refuse(RefusalCodes.AlreadyDone);
        if (!IsLive(status))
            return Refuse(RefusalCodes.WrongStatus);
        if (!IsLive(targetStatus))
            return Refuse(RefusalCodes.TargetNotMergeable);
        return phase == CampaignPhase.Screening ? Allow(NominationStatus.Merged) : Refuse(RefusalCodes.WrongPhase);
    }

    /// <summary>
    /// The states a moderator can move a nomination to now, a reason still to be typed counting as given: what the
    /// moderators' queue offers, so nothing it offers is refused for the phase or the state. Merging is
    /// <see cref="CanMerge"/>.
    /// </summary>
    public static IReadOnlyList<NominationStatus> ModerationMoves(NominationStatus status, CampaignPhase phase)
    {
        const string typed = "(the reason the moderator types)";
        return new[] { Approve(status, phase), RequestChanges(status, phase, typed), Reject(status, phase, typed), Hide(status, typed) }
            .Where(d => d.IsAllowed).Select(d => d.Next!.Value).ToList();
    }

    /// <summary>Whether the nomination could be merged into a live duplicate now.</summary>
    public static bool CanMerge(NominationStatus status, CampaignPhase phase) =>
        Merge("this", status, "duplicate", NominationStatus.Submitted, phase).IsAllowed;

    /// <summary>From an open state (Submitted or ChangesRequested) to <paramref name="target"/>, in one phase only.</summary>
    private static Decision<NominationStatus> Move(
        NominationStatus status, CampaignPhase phase, NominationStatus target, CampaignPhase allowedPhase)
    {
        if (status == target)
            return Refuse(RefusalCodes.AlreadyDone);
        if (status is not (NominationStatus.Submitted or NominationStatus.ChangesRequested))
            return Refuse(RefusalCodes.WrongStatus);
        return phase == allowedPhase ? Allow(target) : Refuse(RefusalCodes.WrongPhase);
    }

    private static Decision<NominationStatus> NeedsReason(Decision<NominationStatus> decision, string? reason) =>
        decision.IsAllowed && string.IsNullOrWhiteSpace(reason) ? Refuse(RefusalCodes.ReasonRequired) : decision;

    private static bool IsLive(NominationStatus status) =>
        status is NominationStatus.Submitted or NominationStatus.ChangesRequested or NominationStatus.Approved;

    private static Decision<NominationStatus> Allow(NominationStatus next) => Decision<NominationStatus>.Allow(next);

    private static Decision<NominationStatus> Refuse(string code) => Decision<NominationStatus>.Refuse(code);
}
