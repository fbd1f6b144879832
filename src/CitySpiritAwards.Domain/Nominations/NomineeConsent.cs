namespace CitySpiritAwards.Domain.Nominations;

/// <summary>The nominee's answer to "may we show this nomination publicly?", given through the link sent to them.</summary>
public enum NomineeConsent
{
    /// <summary>No answer yet: name, story and photos stay private.</summary>
    Pending = 0,
    Given = 1,
    /// <summary>The nominee said no; final: the nomination is hidden for good.</summary>
    Declined = 2,
    /// <summary>The nominee gave consent and later took it back; final: the nomination comes down.</summary>
    Withdrawn = 3,
}

/// <summary>
/// How consent may change: Pending → Given or Declined; Given → Withdrawn. Declined and Withdrawn are final.
/// Consent does not depend on the campaign's phase: a nominee may withdraw it even after the results are published.
/// A nominee consents to what they were shown, so a nominator's change to it asks them again (<see cref="AfterEdit"/>).
/// </summary>
public static class ConsentLifecycle
{
    public static Decision<NomineeConsent> Give(NomineeConsent current) => From(current, NomineeConsent.Pending, NomineeConsent.Given);

    public static Decision<NomineeConsent> Decline(NomineeConsent current) => From(current, NomineeConsent.Pending, NomineeConsent.Declined);

    public static Decision<NomineeConsent> Withdraw(NomineeConsent current) => From(current, NomineeConsent.Given, NomineeConsent.Withdrawn);

    public static bool IsFinal(NomineeConsent consent) => consent is NomineeConsent.Declined or NomineeConsent.Withdrawn;

    /// <summary>
    /// What the nominator's edit means for consent. Any change to what the nominee is shown and what would be public
    /// (name, award, district, relationship, either story, the photos) or to where they are asked (the email) asks them
    /// again: an answer given — or a link sent — for the old nomination is not an answer for the new one. Consent goes
    /// back to Pending, so nothing is public until they agree again, and they get a new link. A decline or withdrawal
    /// stays final and nobody is asked. An edit that changes nothing (a double submit) asks nobody.
    /// </summary>
    public static ConsentAfterEdit AfterEdit(
        NomineeConsent current, NominationDraft before, IReadOnlyCollection<string> photosBefore, NominationDraft after, IReadOnlyCollection<string> photosAfter)
    {
        var changed = before with { PhotoCount = 0 } != after with { PhotoCount = 0 } || !photosBefore.ToHashSet().SetEquals(photosAfter);
        return changed && !IsFinal(current) ? new(NomineeConsent.Pending, AskAgain: true) : new(current, AskAgain: false);
    }

    private static Decision<NomineeConsent> From(NomineeConsent current, NomineeConsent required, NomineeConsent next) =>
        current == next ? Decision<NomineeConsent>.Refuse(RefusalCodes.AlreadyDone)
        : current == required ? Decision<NomineeConsent>.Allow(next)
        : Decision<NomineeConsent>.Refuse(RefusalCodes.WrongStatus);
}

/// <summary>Consent after a nominator's edit, and whether the nominee must be asked again (a new link, a new email).</summary>
public sealed record ConsentAfterEdit(NomineeConsent Consent, bool AskAgain);
