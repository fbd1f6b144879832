using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Pages.Admin;

/// <summary>What an administrator asks of a staff role on /admin/accounts.</summary>
public enum StaffRoleRequest { Give, Take }

/// <summary>
/// The administrators' page for staff roles: find an account by email (exact, or the addresses starting with it), see it and
/// its roles, give or take each staff role by the rules of <see cref="StaffRoles"/> (the same as the API's), and see everyone
/// who holds a staff role now. Each form says which role and whether to give or take it, so a double click or a stale tab
/// changes nothing the second time and says so.
/// </summary>
[Authorize(Policy = Roles.Administrator)]
public sealed class AccountsModel(StaffRoles staffRoles, IOptions<SecurityStampValidatorOptions> stamps, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>At most this many accounts are listed for an email's beginning.</summary>
    public const int MaxMatches = 20;

    public string? Email { get; private set; }
    /// <summary>The account found (exactly, or the only one starting with <see cref="Email"/>).</summary>
    public StaffAccount? Account { get; private set; }
    /// <summary>The accounts starting with <see cref="Email"/> when there are several.</summary>
    public IReadOnlyList<StaffAccount> Matches { get; private set; } = [];
    public IReadOnlyList<StaffAccount> Staff { get; private set; } = [];
    public string? Message { get; private set; }
    public bool IsError { get; private set; }

    public async Task OnGetAsync(string? email, CancellationToken ct)
    {
        Email = Normalize(email);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? role, StaffRoleRequest? change, CancellationToken ct)
    {
        Email = Normalize(email);
        if (Email is null || string.IsNullOrWhiteSpace(role) || change is null || !Enum.IsDefined(change.Value))
            (Message, IsError) = (text["Admin.Roles.NothingAsked"], true);
        else
        {
            var result = change == StaffRoleRequest.Give ? await staffRoles.GiveAsync(Email, role, User) : await staffRoles.TakeAsync(Email, role, User);
            (Message, IsError) = (Describe(result), result.IsRefused);
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Within how many minutes a session still carrying a role taken away loses it (its next security check).</summary>
    public int SessionCheckMinutes => Math.Max(1, (int)Math.Ceiling(stamps.Value.ValidationInterval.TotalMinutes));

    /// <summary>A role's name in the reader's language.</summary>
    public string RoleName(string role) => text[$"Account.Role.{role}"];

    /// <summary>Whether this is the signed-in administrator's own Administrator role (never taken here).</summary>
    public bool IsOwnAdministratorRole(StaffAccount account, string role) => StaffRoles.IsOwnAdministratorRole(account.Id, role, User);

    private string Describe(RoleChange change)
    {
        var role = change.Role is null ? "" : RoleName(change.Role);
        return change.Outcome switch
        {
            RoleChangeOutcome.Given => text["Admin.Roles.Given", Email!, role],
            RoleChangeOutcome.AlreadyHeld => text["Admin.Roles.AlreadyHeld", Email!, role],
            RoleChangeOutcome.Taken => text["Admin.Roles.Taken", Email!, role, SessionCheckMinutes],
            RoleChangeOutcome.NotHeld => text["Admin.Roles.NotHeld", Email!, role],
            RoleChangeOutcome.NoAccount => text["Admin.Roles.NoAccount"],
            RoleChangeOutcome.NotConfirmed => text["Admin.Roles.NotConfirmed"],
            RoleChangeOutcome.OwnAdministrator => text["Admin.Roles.OwnAdministrator"],
            _ => text["Admin.Roles.NotStaffRole"],
        };
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Email is not null)
        {
            var found = await staffRoles.SearchAsync(Email, MaxMatches, ct);
            if (found.Count == 1)
                Account = found[0];
            else
                Matches = found;
        }
        Staff = await staffRoles.StaffAsync();
    }

    private static string? Normalize(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim();
}
