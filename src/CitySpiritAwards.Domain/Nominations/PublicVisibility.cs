namespace CitySpiritAwards.Domain.Nominations;

/// <summary>Whether anything of a nomination (name, story, photos) may be shown to the public.</summary>
public static class PublicVisibility
{
    /// <summary>Only an approved nomination whose nominee gave consent; merged, hidden and withdrawn ones never are.</summary>
    public static bool IsPublic(NominationStatus status, NomineeConsent consent) =>
        status == NominationStatus.Approved && consent == NomineeConsent.Given;
}
