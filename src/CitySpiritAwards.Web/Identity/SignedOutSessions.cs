using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Identity;

/// <summary>
/// Sign-in cookies that signing out on this silo ended before their security stamp check is due. Signing out changes the
/// account's security stamp, which every silo enforces at each cookie's next check (once per
/// <see cref="SecurityStampValidatorOptions.ValidationInterval"/>); until then a copied cookie would still work. So the
/// signed-out session (or, for "sign out everywhere", every cookie of the account with the old stamp) is remembered here, and
/// such a cookie is checked at once, at its next request. Telling which cookies to check is a lookup in memory, so the other
/// requests still cost no database round trip, which is what the interval is for. An entry is kept one interval, after which
/// the ordinary check is due for every cookie it covers; on other silos that ordinary check is what refuses them.
/// </summary>
public sealed class SignedOutSessions(IOptions<SecurityStampValidatorOptions> stamps, IOptions<IdentityOptions> identity, TimeProvider time)
{
    /// <summary>The <see cref="AuthenticationProperties.Items"/> key of the id each sign-in gets; copies of a cookie share it.</summary>
    public const string SessionKey = "csa.session";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _sessions = new(StringComparer.Ordinal); // id → kept until
    private readonly ConcurrentDictionary<string, (string Stamp, DateTimeOffset KeptUntil)> _accounts = new(StringComparer.Ordinal);

    public static AuthenticationProperties NewSession(bool persistent) =>
        new(new Dictionary<string, string?> { [SessionKey] = Guid.NewGuid().ToString("N") }) { IsPersistent = persistent };

    public void End(string sessionId)
    {
        Prune();
        _sessions[sessionId] = time.GetUtcNow() + Keep;
    }

    /// <summary>Every cookie of the account made before its stamp became <paramref name="newStamp"/>.</summary>
    public void EndAll(string userId, string newStamp)
    {
        Prune();
        _accounts[userId] = (newStamp, time.GetUtcNow() + Keep);
    }

    /// <summary>Whether the cookie must have its security stamp checked now rather than when its interval is up.</summary>
    public bool MustCheckNow(ClaimsPrincipal? principal, AuthenticationProperties properties)
    {
        if (_sessions.IsEmpty && _accounts.IsEmpty)
            return false;
        if (properties.Items.TryGetValue(SessionKey, out var session) && session is not null && _sessions.ContainsKey(session))
            return true;
        return UserId(principal) is { } userId && _accounts.TryGetValue(userId, out var ended) && Stamp(principal) != ended.Stamp;
    }

    /// <summary>
    /// The cookie passed the check made early: the stamp changed again elsewhere (another silo) after ours, so its stamp is the
    /// account's current one, and the account's other cookies that carry it need no early check either.
    /// </summary>
    public void Passed(ClaimsPrincipal principal)
    {
        if (UserId(principal) is { } userId && Stamp(principal) is { } stamp && _accounts.TryGetValue(userId, out var ended))
            _accounts.TryUpdate(userId, ended with { Stamp = stamp }, ended);
    }

    private static string? UserId(ClaimsPrincipal? principal) => principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    private string? Stamp(ClaimsPrincipal? principal) => principal?.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);

    private TimeSpan Keep => stamps.Value.ValidationInterval + TimeSpan.FromMinutes(1);

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (id, keptUntil) in _sessions)
        {
            if (keptUntil < now)
                _sessions.TryRemove(id, out _);
        }
        foreach (var (id, ended) in _accounts)
        {
            if (ended.KeptUntil < now)
                _accounts.TryRemove(id, out _);
        }
    }
}
