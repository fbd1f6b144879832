using CitySpiritAwards.Abstractions.Notifications;
using CitySpiritAwards.Domain.Notifications;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Pages.Account.Manage;

/// <summary>The signed-in person's account: email, display name and roles, which emails they get, and "sign out everywhere".</summary>
[Authorize]
public sealed class IndexModel(UserManager<AwardsUser> users, AccountSessions sessions, IGrainFactory grains, IStringLocalizer<SharedResource> text)
    : AccountPageModel
{
    public AwardsUser Account { get; private set; } = null!;

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    /// <summary>The notices this account has turned off; every other kind is on.</summary>
    public IReadOnlyList<NoticeKind> TurnedOff { get; private set; } = [];

    /// <summary>The TempData key other account pages leave a word under, shown once here.</summary>
    public const string MessageKey = "ManageMessage";

    [TempData(Key = MessageKey)]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        Account = user;
        var roles = await users.GetRolesAsync(user);
        RoleNames = Roles.All.Where(roles.Contains).ToList();
        TurnedOff = await grains.GetGrain<INoticeSettingsGrain>(user.Id).GetTurnedOffAsync();
        return Page();
    }

    /// <summary>Saves which notices the account gets: the ticked kinds are on, the others off.</summary>
    public async Task<IActionResult> OnPostNoticesAsync(NoticeKind[]? on)
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        var settings = grains.GetGrain<INoticeSettingsGrain>(user.Id);
        foreach (var kind in Enum.GetValues<NoticeKind>())
            await settings.SetAsync(kind, (on ?? []).Contains(kind));
        Message = text["Notice.Settings.Saved"];
        return RedirectToPage(null, null, null, "notices");
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
