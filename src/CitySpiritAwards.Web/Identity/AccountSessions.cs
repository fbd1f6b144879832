using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace CitySpiritAwards.Web.Identity;

/// <summary>Signing in and out so that signing out ends the session on the server, not only in this browser.</summary>
public sealed class AccountSessions(UserManager<AwardsUser> users, SignInManager<AwardsUser> signIn, SignedOutSessions signedOut)
{
    /// <summary>A sign-in cookie with a session id of its own, so signing out can refuse this cookie and its copies.</summary>
    public Task SignInAsync(AwardsUser user, bool persistent) => signIn.SignInAsync(user, SignedOutSessions.NewSession(persistent));

    /// <summary>
    /// Ends this session: refused from its next request on this silo, and, since the security stamp changes, every cookie of
    /// the account issued before (this one, its copies, other devices) at its next security check on any silo.
    /// </summary>
    public async Task SignOutAsync(HttpContext http)
    {
        var current = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (current.Succeeded && await users.GetUserAsync(current.Principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            if (current.Properties.Items.TryGetValue(SignedOutSessions.SessionKey, out var session) && session is not null)
                signedOut.End(session);
            else
                signedOut.EndAll(user.Id, user.SecurityStamp!); // a cookie from before sessions had ids
        }
        await signIn.SignOutAsync();
    }

    /// <summary>Ends every session of the account at once: all its cookies issued until now are refused from their next request.</summary>
    public async Task SignOutEverywhereAsync(AwardsUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        signedOut.EndAll(user.Id, user.SecurityStamp!);
        await signIn.SignOutAsync();
    }
}
