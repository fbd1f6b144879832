using System.Globalization;
using System.Security.Cryptography;
using CitySpiritAwards.Abstractions.Nominations;
using Microsoft.AspNetCore.DataProtection;

namespace CitySpiritAwards.Web.Nominations;

/// <summary>What a consent link names: one nomination, and the round of asking it was sent for.</summary>
public sealed record ConsentLink(string NominationId, int Round)
{
    /// <summary>Whether the link still stands for what the nomination says now (an edit since then sent a new one).</summary>
    public bool IsCurrentFor(NominationView nomination) =>
        nomination.Id == NominationId && nomination.ConsentRound == Round;
}

/// <summary>
/// The link a nominee gets by email to consent to, decline or later withdraw being shown publicly. The nominee
/// has no account: holding the link is the permission, so the token is encrypted and signed with the site's key
/// ring (shared by all silos), names one nomination and the round of asking (a change to the nomination asks
/// again with a new link, and the old one then answers nothing), and expires.
/// </summary>
public sealed class ConsentLinks(IDataProtectionProvider protection)
{
    /// <summary>Long enough for a nominee to act on it, and to withdraw consent during the campaign.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(120);

    /// <summary>Between the id and the round; never in an id. Links made before rounds existed hold the id alone (round 0).</summary>
    private const char Separator = '\n';

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("CitySpiritAwards.NomineeConsent.v1").ToTimeLimitedDataProtector();

    public string CreateToken(string nominationId, int round, DateTimeOffset now) =>
        _protector.Protect(round == 0 ? nominationId : $"{nominationId}{Separator}{round.ToString(CultureInfo.InvariantCulture)}", now + Lifetime);

    public string PathFor(string nominationId, int round, DateTimeOffset now) =>
        $"/consent/{Uri.EscapeDataString(CreateToken(nominationId, round, now))}";

    /// <summary>What the token names, or null when it was altered, made with another key ring, or has expired.</summary>
    public ConsentLink? ReadToken(string token)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var separator = payload.LastIndexOf(Separator);
        if (separator < 0)
            return new ConsentLink(payload, 0);
        return int.TryParse(payload.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var round)
            ? new ConsentLink(payload[..separator], round)
            : null;
    }
}
