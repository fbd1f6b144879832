using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CitySpiritAwards.Web.Identity;

/// <summary>What came of asking to give or take a staff role. The first four leave the account as asked; the rest are refusals.</summary>
public enum RoleChangeOutcome
{
    Given,
    AlreadyHeld,
    Taken,
    NotHeld,
    /// <summary>Not one of <see cref="StaffRoles.All"/> (Resident comes with a confirmed email, never from an administrator).</summary>
    NotStaffRole,
    NoAccount,
    /// <summary>Someone may have registered another person's address: only a confirmed account is trusted with a staff role.</summary>
    NotConfirmed,
    /// <summary>An administrator never takes their own Administrator role: another administrator must.</summary>
    OwnAdministrator,
}

/// <summary>The outcome, the staff role as spelled in <see cref="Roles"/> (when it is one), and the account's roles afterwards (when it exists).</summary>
public sealed record RoleChange(RoleChangeOutcome Outcome, string? Role, AccountRoles? Account)
{
    public bool IsRefused => Outcome >= RoleChangeOutcome.NotStaffRole;
}

/// <summary>An account and its roles, as administrators see it.</summary>
public sealed record StaffAccount(string Id, string Email, string DisplayName, bool EmailConfirmed, IReadOnlyList<string> Roles);

/// <summary>
/// Administrators give and take the staff roles, by email: the rules behind both the API (<see cref="AccountRolesApi"/>) and the
/// administrators' page (/admin/accounts). A new role shows in the account's next sign-in; a role taken away ends with the
/// session's next security check (the security stamp changes). Giving or taking twice changes nothing the second time.
/// </summary>
public sealed class StaffRoles(UserManager<AwardsUser> users, ILogger<StaffRoles> logger)
{
    public static readonly IReadOnlyList<string> All = [Roles.Moderator, Roles.CommitteeMember, Roles.CommitteeChair, Roles.Administrator];

    /// <summary>The staff role named <paramref name="role"/> (any case), or null.</summary>
    public static string? Find(string? role) => All.FirstOrDefault(r => r.Equals(role, StringComparison.OrdinalIgnoreCase));

    public async Task<AccountRoles?> RolesOfAsync(string email) =>
        await users.FindByEmailAsync(email) is { } user ? await RolesOfAsync(user) : null;

    public async Task<RoleChange> GiveAsync(string email, string role, ClaimsPrincipal admin)
    {
        if (Find(role) is not { } staffRole)
            return new(RoleChangeOutcome.NotStaffRole, null, null);
        if (await users.FindByEmailAsync(email) is not { } user)
            return new(RoleChangeOutcome.NoAccount, staffRole, null);
        if (!user.EmailConfirmed)
            return new(RoleChangeOutcome.NotConfirmed, staffRole, await RolesOfAsync(user));
        if (await users.IsInRoleAsync(user, staffRole))
            return new(RoleChangeOutcome.AlreadyHeld, staffRole, await RolesOfAsync(user));
        Check(await users.AddToRoleAsync(user, staffRole));
        logger.LogInformation("{Admin} gave the {Role} role to account {UserId}", admin.Identity?.Name, staffRole, user.Id);
        return new(RoleChangeOutcome.Given, staffRole, await RolesOfAsync(user));
    }

    public async Task<RoleChange> TakeAsync(string email, string role, ClaimsPrincipal admin)
    {
        if (Find(role) is not { } staffRole)
            return new(RoleChangeOutcome.NotStaffRole, null, null);
        if (await users.FindByEmailAsync(email) is not { } user)
            return new(RoleChangeOutcome.NoAccount, staffRole, null);
        if (IsOwnAdministratorRole(user.Id, staffRole, admin))
            return new(RoleChangeOutcome.OwnAdministrator, staffRole, await RolesOfAsync(user));
        if (!await users.IsInRoleAsync(user, staffRole))
            return new(RoleChangeOutcome.NotHeld, staffRole, await RolesOfAsync(user));
        Check(await users.RemoveFromRoleAsync(user, staffRole));
        Check(await users.UpdateSecurityStampAsync(user)); // sessions still carrying the role end at their next check
        logger.LogInformation("{Admin} took the {Role} role from account {UserId}", admin.Identity?.Name, staffRole, user.Id);
        return new(RoleChangeOutcome.Taken, staffRole, await RolesOfAsync(user));
    }

    /// <summary>Whether taking <paramref name="role"/> from account <paramref name="userId"/> would be the administrator taking their own.</summary>
    public static bool IsOwnAdministratorRole(string userId, string role, ClaimsPrincipal admin) =>
        role == Roles.Administrator && userId == admin.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>
    /// The account with exactly this email address; otherwise those whose address starts with it (any case), by address,
    /// at most <paramref name="max"/>.
    /// </summary>
    public async Task<IReadOnlyList<StaffAccount>> SearchAsync(string email, int max, CancellationToken ct = default)
    {
        if (await users.FindByEmailAsync(email) is { } exact)
            return [await AccountAsync(exact)];
        var prefix = users.NormalizeEmail(email);
        var found = await users.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail != null && u.NormalizedEmail.StartsWith(prefix))
            .OrderBy(u => u.NormalizedEmail)
            .Take(max)
            .ToListAsync(ct);
        var accounts = new List<StaffAccount>(found.Count);
        foreach (var user in found)
            accounts.Add(await AccountAsync(user));
        return accounts;
    }

    /// <summary>Every account holding a staff role, by email address.</summary>
    public async Task<IReadOnlyList<StaffAccount>> StaffAsync()
    {
        var staff = new Dictionary<string, AwardsUser>();
        foreach (var role in All)
            foreach (var user in await users.GetUsersInRoleAsync(role))
                staff.TryAdd(user.Id, user);
        var accounts = new List<StaffAccount>(staff.Count);
        foreach (var user in staff.Values.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase))
            accounts.Add(await AccountAsync(user));
        return accounts;
    }

    private async Task<StaffAccount> AccountAsync(AwardsUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return new(user.Id, user.Email ?? "", user.DisplayName, user.EmailConfirmed, Roles.All.Where(roles.Contains).ToList());
    }

    private async Task<AccountRoles> RolesOfAsync(AwardsUser user) =>
        new(user.Email!, (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList());

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => $"[{e.Code}] {e.Description}")));
    }
}
