namespace CitySpiritAwards.Domain.Campaigns;

/// <summary>How a campaign may move between phases: only forward, one step at a time, and idempotently.</summary>
public static class PhaseRules
{
    public static CampaignPhase? Next(CampaignPhase phase) =>
        phase == CampaignPhase.Published ? null : phase + 1;

    /// <summary>
    /// What asking to enter <paramref name="target"/> from <paramref name="current"/> does.
    /// Asking for the phase already running (or one already passed) is a no-op, so a job that
    /// runs twice, or two silos racing, change nothing the second time. A target that is no phase at all
    /// (a number such as 7 arriving in JSON) is refused, so a published campaign cannot "advance" past Published.
    /// </summary>
    public static PhaseTransition Decide(CampaignPhase current, CampaignPhase target)
    {
        if (!Enum.IsDefined(target))
            return PhaseTransition.SkipNotAllowed;
        if (target <= current)
            return PhaseTransition.AlreadyDone;
        return target == current + 1 ? PhaseTransition.Advance : PhaseTransition.SkipNotAllowed;
    }
}

public enum PhaseTransition
{
    /// <summary>Move to the next phase.</summary>
    Advance,
    /// <summary>The campaign is already in (or past) that phase: nothing to do.</summary>
    AlreadyDone,
    /// <summary>Phases cannot be skipped.</summary>
    SkipNotAllowed,
}
