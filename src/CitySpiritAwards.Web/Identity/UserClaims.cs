using System.Security.Claims;

namespace CitySpiritAwards.Web.Identity;

/// <summary>What every feature reads from the signed-in person's claims.</summary>
public static class UserClaims
{
    /// <summary>The account's id (Identity's user id). Only for endpoints and pages that require a signed-in user.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has no id claim.");
}
