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
/// </summary>
public static class ConsentLifecycle
{
    public static Decision<NomineeConsent> Give(NomineeConsent current) => From(current, NomineeConsent.Pending, NomineeConsent.Given);

    public static Decision<NomineeConsent> Decline(NomineeConsent current) => From(current, NomineeConsent.Pending, NomineeConsent.Declined);

    public static Decision<NomineeConsent> Withdraw(NomineeConsent current) => From(current, NomineeConsent.Given, NomineeConsent.Withdrawn);

    public static bool IsFinal(NomineeConsent consent) => consent is NomineeConsent.Declined or NomineeConsent.Withdrawn;

    private static Decision<NomineeConsent> From(NomineeConsent current, NomineeConsent required, NomineeConsent next) =>
        current == next ? Decision<NomineeConsent>.Refuse(RefusalCodes.AlreadyDone)
        : current == required ? Decision<NomineeConsent>.Allow(next)
        : Decision<NomineeConsent>.Refuse(RefusalCodes.WrongStatus);
}
