namespace CitySpiritAwards.Domain.Nominations;

/// <summary>
/// What a rule says about a requested change: allowed, with the state it leads to, or refused with a stable
/// reason code (<see cref="RefusalCodes"/>) the web layer turns into a message.
/// </summary>
public sealed record Decision<TState> where TState : struct, Enum
{
    private Decision(TState? next, string? refusalCode) => (Next, RefusalCode) = (next, refusalCode);

    /// <summary>The state after the change; null when refused.</summary>
    public TState? Next { get; }

    /// <summary>Why the change is refused; null when allowed.</summary>
    public string? RefusalCode { get; }

    public bool IsAllowed => RefusalCode is null;

    public static Decision<TState> Allow(TState next) => new(next, null);

    public static Decision<TState> Refuse(string code) => new(null, code);

    public override string ToString() => IsAllowed ? $"allowed → {Next}" : $"refused: {RefusalCode}";
}

/// <summary>The reasons a change is refused. They are part of the contract with the web layer: never rename one.</summary>
public static class RefusalCodes
{
    /// <summary>The campaign's phase does not allow it now (e.g. editing after Nominating ended).</summary>
    public const string WrongPhase = "wrong-phase";
    /// <summary>The current state does not allow it (e.g. approving a withdrawn nomination, giving consent after declining).</summary>
    public const string WrongStatus = "wrong-status";
    /// <summary>
    /// Already in the state the change leads to (approving an approved nomination, withdrawing twice). Nothing to do;
    /// a retried request may treat it as success.
    /// </summary>
    public const string AlreadyDone = "already-done";
    /// <summary>A moderator's rejection, request for changes or hiding needs a reason the nominator (or the audit log) sees.</summary>
    public const string ReasonRequired = "reason-required";
    /// <summary>A nomination cannot be merged into itself.</summary>
    public const string SameNomination = "same-nomination";
    /// <summary>The nomination to merge into is not live (rejected, withdrawn, hidden or itself merged).</summary>
    public const string TargetNotMergeable = "target-not-mergeable";
    /// <summary>The resident has used up the campaign's nominations (withdrawn ones do not count).</summary>
    public const string QuotaReached = "quota-reached";
    /// <summary>Only the resident who nominated may edit or withdraw it.</summary>
    public const string NotYours = "not-yours";
    /// <summary>The id already names a different nomination (a reused idempotency key).</summary>
    public const string IdInUse = "id-in-use";
    /// <summary>There is no such campaign or nomination.</summary>
    public const string NotFound = "not-found";
    /// <summary>
    /// A consent link from before the nominator changed the nomination: the nominee was sent a new one, for what it says now.
    /// </summary>
    public const string ConsentLinkReplaced = "consent-link-replaced";
}
