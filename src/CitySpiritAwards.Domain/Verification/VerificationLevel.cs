namespace CitySpiritAwards.Domain.Verification;

/// <summary>
/// How sure the site is that an account is one real person, weakest first. A campaign asks for one level to vote and
/// one to nominate; an account at a higher level meets a lower one.
/// </summary>
public enum VerificationLevel
{
    /// <summary>The account's email link was clicked.</summary>
    Email = 0,

    /// <summary>A mainland mobile number, held by no other account, was verified with a code sent to it.</summary>
    Phone = 1,

    /// <summary>Signed in through the city's unified identity with its real-name assurance.</summary>
    RealName = 2,
}

public static class VerificationLevels
{
    public static bool Meets(this VerificationLevel held, VerificationLevel required) => held >= required;

    /// <summary>What an account holds: its strongest proof (a real-name sign-in outranks a phone, a phone an email).</summary>
    public static VerificationLevel Of(bool phoneVerified, bool realName) =>
        realName ? VerificationLevel.RealName
        : phoneVerified ? VerificationLevel.Phone
        : VerificationLevel.Email;
}
