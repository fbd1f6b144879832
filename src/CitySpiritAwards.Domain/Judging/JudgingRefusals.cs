namespace CitySpiritAwards.Domain.Judging;

/// <summary>
/// Why a judging action is refused: stable codes the web layer turns into a message in the reader's language.
/// Part of the contract with the web layer: never rename one.
/// </summary>
public static class JudgingRefusals
{
    /// <summary>Scoring, recusal and reassignment happen only while the campaign is in CommitteeScoring.</summary>
    public const string WrongPhase = "wrong-phase";
    /// <summary>CommitteeScoring's time is up (public voting is due), even if the phase job has not run yet.</summary>
    public const string DeadlinePassed = "deadline-passed";
    /// <summary>The chair has already published this category's shortlist: its scores are final.</summary>
    public const string Finalised = "finalised";
    /// <summary>The member is not (or no longer) one of the entry's judges.</summary>
    public const string NotAssigned = "not-assigned";
    /// <summary>A submitted score cannot go back to a draft; it may be changed and submitted again.</summary>
    public const string AlreadySubmitted = "already-submitted";
    /// <summary>A recusal needs a reason the chair can read.</summary>
    public const string ReasonRequired = "reason-required";
    /// <summary>Arguments: none. The reason is longer than <see cref="ScoringRules.MaxReasonLength"/>.</summary>
    public const string ReasonTooLong = "reason-too-long";
    /// <summary>The person is not on the category's panel (or has not got the committee member role).</summary>
    public const string NotOnPanel = "not-on-panel";
    /// <summary>Already on the panel.</summary>
    public const string AlreadyOnPanel = "already-on-panel";
    /// <summary>Panels lose members only before entries are assigned, so no entry loses a judge unnoticed.</summary>
    public const string PanelLocked = "panel-locked";
    /// <summary>The chosen member may not judge this entry: they nominated it or declared a conflict with it.</summary>
    public const string Ineligible = "ineligible";
    /// <summary>The chosen member already judges this entry.</summary>
    public const string AlreadyJudging = "already-judging";
    /// <summary>Nobody eligible is left on the panel to take the entry over.</summary>
    public const string NoReplacement = "no-replacement";
    /// <summary>No such campaign, category or entry, or the entry is not (any more) in judging.</summary>
    public const string NotFound = "not-found";
    /// <summary>The category rubric may be changed only before committee scoring starts.</summary>
    public const string RubricLocked = "rubric-locked";
}
