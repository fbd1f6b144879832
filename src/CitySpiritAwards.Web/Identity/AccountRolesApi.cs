using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using CitySpiritAwards.Web.Localization;

namespace CitySpiritAwards.Web.Identity;

/// <summary>An account's roles, by its email address.</summary>
public sealed record AccountRoles(string Email, IReadOnlyList<string> Roles);

/// <summary>
/// Administrators give and take the staff roles (mapped under /api/admin, administrators only), by the rules of
/// <see cref="StaffRoles"/>, which the administrators' page /admin/accounts follows too. Resident is not given here:
/// it comes with a confirmed email. A new role shows in the account's next sign-in; a role taken away ends with the session's
/// next security check (the security stamp changes).
/// </summary>
public static class AccountRolesApi
{
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
        string email, StaffRoles staff, IStringLocalizer<SharedResource> text) =>
        await staff.RolesOfAsync(email) is { } roles ? TypedResults.Ok(roles) : Problem(404, text["Admin.Roles.NoAccount"]);

    private static async Task<Results<Ok<AccountRoles>, ProblemHttpResult>> GrantAsync(
        string email, string role, ClaimsPrincipal admin, StaffRoles staff, IStringLocalizer<SharedResource> text) =>
        Answer(await staff.GiveAsync(email, role, admin), text);

    private static async Task<Results<Ok<AccountRoles>, ProblemHttpResult>> RevokeAsync(
        string email, string role, ClaimsPrincipal admin, StaffRoles staff, IStringLocalizer<SharedResource> text) =>
        Answer(await staff.TakeAsync(email, role, admin), text);

    private static Results<Ok<AccountRoles>, ProblemHttpResult> Answer(RoleChange change, IStringLocalizer<SharedResource> text) => change.Outcome switch
    {
        RoleChangeOutcome.NotStaffRole => Problem(400, text["Admin.Roles.NotStaffRole"]),
        RoleChangeOutcome.NoAccount => Problem(404, text["Admin.Roles.NoAccount"]),
        RoleChangeOutcome.NotConfirmed => Problem(409, text["Admin.Roles.NotConfirmed"]),
        RoleChangeOutcome.OwnAdministrator => Problem(409, text["Admin.Roles.OwnAdministrator"]),
        _ => TypedResults.Ok(change.Account!),
    };

    private static ProblemHttpResult Problem(int status, string title) => TypedResults.Problem(statusCode: status, title: title);
}
