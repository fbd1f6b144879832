using CitySpiritAwards.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CitySpiritAwards.Web.Pages.Account.Manage;

/// <summary>The signed-in person's account: email, display name and roles.</summary>
[Authorize]
public sealed class IndexModel(UserManager<AwardsUser> users) : AccountPageModel
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
}
