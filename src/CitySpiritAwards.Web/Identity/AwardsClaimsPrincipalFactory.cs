using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Identity;

/// <summary>
/// Puts the account's display name in the sign-in cookie, so the header can greet people by name (not by their email)
/// without reading the accounts database on every page.
/// </summary>
public sealed class AwardsClaimsPrincipalFactory(UserManager<AwardsUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AwardsUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "csa:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AwardsUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
            identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }

    /// <summary>How the header names the signed-in person: the display name, or (a cookie from before it was kept) the email.</summary>
    public static string? NameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name;
}
