using System.ComponentModel.DataAnnotations;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Pages.Account.Manage;

/// <summary>
/// Change one's password, knowing the current one. The account's other sessions end (a new security stamp, refused from
/// their next request); this one stays signed in.
/// </summary>
[Authorize]
[EnableRateLimiting(SignupRateLimiterPolicy.Name)] // each try checks the current password: no guessing it from a stolen session
public sealed class PasswordModel(
    UserManager<AwardsUser> users, SignInManager<AwardsUser> signIn, SignedOutSessions signedOut, IStringLocalizer<SharedResource> text)
    : AccountPageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (!ModelState.IsValid)
            return Page();
        var changed = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.Password);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.Password", error.Description);
            return Page();
        }
        signedOut.EndAll(user.Id, user.SecurityStamp!); // cookies with the old stamp (other devices) are refused from their next request
        await signIn.RefreshSignInAsync(user); // this browser gets a cookie with the new stamp
        TempData[IndexModel.MessageKey] = text["Account.Password.Changed"].Value;
        return Redirect("/account/manage");
    }
}

public sealed class ChangePasswordInput
{
    [Display(Name = "Account.CurrentPassword")]
    [Required(ErrorMessage = "Account.PasswordRequired")]
    [StringLength(256, ErrorMessage = "Account.PasswordTooLong")]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [Display(Name = "Account.NewPassword")]
    [Required(ErrorMessage = "Account.PasswordRequired")]
    [StringLength(256, ErrorMessage = "Account.PasswordTooLong")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Display(Name = "Account.ConfirmPassword")]
    [Required(ErrorMessage = "Account.ConfirmPasswordRequired")]
    [Compare(nameof(Password), ErrorMessage = "Account.PasswordsDiffer")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}
