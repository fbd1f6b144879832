namespace CitySpiritAwards.Domain.Nominations;

/// <summary>Where a nomination stands; <see cref="NominationLifecycle"/> says how it may move.</summary>
public enum NominationStatus
{
    /// <summary>Waiting for screening (also after the nominator resubmitted requested changes).</summary>
    Submitted = 0,
    /// <summary>A moderator asked the nominator to change something.</summary>
    ChangesRequested = 1,
    Approved = 2,
    /// <summary>Refused by a moderator, with a reason the nominator sees.</summary>
    Rejected = 3,
    /// <summary>Taken back by the nominator before screening.</summary>
    Withdrawn = 4,
    /// <summary>A duplicate folded into another nomination of the same nominee.</summary>
    Merged = 5,
    /// <summary>Taken down by a moderator as abusive.</summary>
    Hidden = 6,
}
