using CitySpiritAwards.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Pages.Account;

/// <summary>
/// Signing out is a POST with the antiforgery token; a GET only shows the button (or "you are signed out"). It ends the
/// session on the server too (<see cref="AccountSessions.SignOutAsync"/>), so a copy of the cookie no longer works.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(AccountSessions sessions, IOptions<SecurityStampValidatorOptions> stamps) : AccountPageModel
{
    /// <summary>Arrived here from "Sign out everywhere" on My account.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Everywhere { get; set; }

    /// <summary>Within how many minutes the account's other sessions end too (at their next security check).</summary>
    public int OtherSessionsMinutes => Math.Max(1, (int)Math.Ceiling(stamps.Value.ValidationInterval.TotalMinutes));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        await sessions.SignOutAsync(HttpContext);
        return string.IsNullOrEmpty(returnUrl) ? RedirectToPage() : LocalRedirect(LocalOrHome(returnUrl));
    }
}
