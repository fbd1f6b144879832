using CitySpiritAwards.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CitySpiritAwards.Web.Pages.Account.Manage;

/// <summary>The signed-in person's account: email, display name and roles, and "sign out everywhere".</summary>
[Authorize]
public sealed class IndexModel(UserManager<AwardsUser> users, AccountSessions sessions) : AccountPageModel
{
    public AwardsUser Account { get; private set; } = null!;

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        Account = user;
        var roles = await users.GetRolesAsync(user);
        RoleNames = Roles.All.Where(roles.Contains).ToList();
        return Page();
    }

    /// <summary>Ends every session of the account at once (a forgotten public computer, a lost phone), this one included.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        await sessions.SignOutEverywhereAsync(user);
        return RedirectToPage("/Account/Logout", new { everywhere = true });
    }
}
