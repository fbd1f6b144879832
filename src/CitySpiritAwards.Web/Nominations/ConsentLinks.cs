using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CitySpiritAwards.Web.Nominations;

/// <summary>
/// The link a nominee gets by email to consent to, decline or later withdraw being shown publicly. The nominee
/// has no account: holding the link is the permission, so the token is encrypted and signed with the site's key
/// ring (shared by all silos), names one nomination, and expires.
/// </summary>
public sealed class ConsentLinks(IDataProtectionProvider protection)
{
    /// <summary>Long enough for a nominee to act on it, and to withdraw consent during the campaign.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(120);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("CitySpiritAwards.NomineeConsent.v1").ToTimeLimitedDataProtector();

    public string CreateToken(string nominationId, DateTimeOffset now) =>
        _protector.Protect(nominationId, now + Lifetime);

    public string PathFor(string nominationId, DateTimeOffset now) =>
        $"/consent/{Uri.EscapeDataString(CreateToken(nominationId, now))}";

    /// <summary>The nomination the token is for, or null when it was altered, made with another key ring, or has expired.</summary>
    public string? ReadToken(string token)
    {
        try
        {
            return _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
