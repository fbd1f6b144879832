using CitySpiritAwards.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CitySpiritAwards.Web.Pages.Account;

/// <summary>Signing out is a POST with the antiforgery token; a GET only shows the button (or "you are signed out").</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AwardsUser> signIn) : AccountPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        await signIn.SignOutAsync();
        return string.IsNullOrEmpty(returnUrl) ? RedirectToPage() : LocalRedirect(LocalOrHome(returnUrl));
    }
}
