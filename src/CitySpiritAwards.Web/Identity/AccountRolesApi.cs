using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using CitySpiritAwards.Web.Localization;

namespace CitySpiritAwards.Web.Identity;

/// <summary>An account's roles, by its email address.</summary>
public sealed record AccountRoles(string Email, IReadOnlyList<string> Roles);

/// <summary>
/// Administrators give and take the staff roles (mapped under /api/admin, administrators only). Resident is not given here:
/// it comes with a confirmed email. A new role shows in the account's next sign-in; a role taken away ends with the session's
/// next security check (the security stamp changes).
/// </summary>
public static class AccountRolesApi
{
    public static readonly IReadOnlyList<string> StaffRoles = [Roles.Moderator, Roles.CommitteeMember, Roles.CommitteeChair, Roles.Administrator];

    public static RouteGroupBuilder MapAccountRolesApi(this RouteGroupBuilder accounts)
    {
        accounts.MapGet("{email}/roles", GetAsync).WithSummary("The roles of the account with this email address.");
        accounts.MapPut("{email}/roles/{role}", GrantAsync)
            .WithSummary("Gives a staff role (Moderator, CommitteeMember, CommitteeChair, Administrator) to a confirmed account; giving it again changes nothing.");
        accounts.MapDelete("{email}/roles/{role}", RevokeAsync)
            .WithSummary("Takes a staff role away; the account's sessions lose it at their next security check. Never one's own Administrator role.");
        return accounts;
    }

    private static async Task<Results<Ok<AccountRoles>, ProblemHttpResult>> GetAsync(
        string email, UserManager<AwardsUser> users, IStringLocalizer<SharedResource> text)
    {
        var user = await users.FindByEmailAsync(email);
        return user is null ? Problem(404, text["Admin.Roles.NoAccount"]) : TypedResults.Ok(await RolesOfAsync(users, user));
    }

    private static async Task<Results<Ok<AccountRoles>, ProblemHttpResult>> GrantAsync(
        string email, string role, ClaimsPrincipal admin, UserManager<AwardsUser> users, IStringLocalizer<SharedResource> text, ILogger<AwardsUser> logger)
    {
        if (StaffRole(role) is not { } staffRole)
            return Problem(400, text["Admin.Roles.NotStaffRole"]);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
            return Problem(404, text["Admin.Roles.NoAccount"]);
        // Someone may have registered another person's address: only a confirmed account is trusted with a staff role.
        if (!user.EmailConfirmed)
            return Problem(409, text["Admin.Roles.NotConfirmed"]);
        if (!await users.IsInRoleAsync(user, staffRole))
        {
            Check(await users.AddToRoleAsync(user, staffRole));
            logger.LogInformation("{Admin} gave the {Role} role to account {UserId}", admin.Identity?.Name, staffRole, user.Id);
        }
        return TypedResults.Ok(await RolesOfAsync(users, user));
    }

    private static async Task<Results<Ok<AccountRoles>, ProblemHttpResult>> RevokeAsync(
        string email, string role, ClaimsPrincipal admin, UserManager<AwardsUser> users, IStringLocalizer<SharedResource> text, ILogger<AwardsUser> logger)
    {
        if (StaffRole(role) is not { } staffRole)
            return Problem(400, text["Admin.Roles.NotStaffRole"]);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
            return Problem(404, text["Admin.Roles.NoAccount"]);
        if (staffRole == Roles.Administrator && user.Id == admin.FindFirstValue(ClaimTypes.NameIdentifier))
            return Problem(409, text["Admin.Roles.OwnAdministrator"]);
        if (await users.IsInRoleAsync(user, staffRole))
        {
            Check(await users.RemoveFromRoleAsync(user, staffRole));
            Check(await users.UpdateSecurityStampAsync(user)); // sessions still carrying the role end at their next check
            logger.LogInformation("{Admin} took the {Role} role from account {UserId}", admin.Identity?.Name, staffRole, user.Id);
        }
        return TypedResults.Ok(await RolesOfAsync(users, user));
    }

    private static string? StaffRole(string role) => StaffRoles.FirstOrDefault(r => r.Equals(role, StringComparison.OrdinalIgnoreCase));

    private static async Task<AccountRoles> RolesOfAsync(UserManager<AwardsUser> users, AwardsUser user) =>
        new(user.Email!, (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList());

    private static ProblemHttpResult Problem(int status, string title) => TypedResults.Problem(statusCode: status, title: title);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => $"[{e.Code}] {e.Description}")));
    }
}
