using System.ComponentModel.DataAnnotations;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Pages.Account;

/// <summary>
/// The emailed link's page: choose a new password. It ends the account's other sessions (a new security stamp) and lifts
/// a lockout, since whoever holds the link holds the mailbox; then the resident signs in with the new password.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignupRateLimiterPolicy.Name)]
public sealed class ResetPasswordModel(
    UserManager<AwardsUser> users, SignedOutSessions signedOut, IStringLocalizer<SharedResource> text, ILogger<ResetPasswordModel> logger)
    : AccountPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    /// <summary>The link is broken, used or expired: the page says so and leads to a new one instead of a form.</summary>
    public bool LinkInvalid { get; private set; }

    public void OnGet() => LinkInvalid = string.IsNullOrEmpty(UserId) || AccountMailer.DecodeCode(Code ?? "") is null;

    public async Task<IActionResult> OnPostAsync()
    {
        var token = AccountMailer.DecodeCode(Code ?? "");
        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        if (token is null || user is null)
        {
            LinkInvalid = true;
            return Page();
        }
        if (!ModelState.IsValid)
            return Page();

        var reset = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!reset.Succeeded)
        {
            if (reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
                LinkInvalid = true;
            foreach (var error in reset.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.InvalidToken)))
                ModelState.AddModelError("Input.Password", error.Description);
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        signedOut.EndAll(user.Id, user.SecurityStamp!); // the reset gave a new stamp: older cookies are refused from their next request
        logger.LogInformation("Account {UserId} chose a new password from an emailed link.", user.Id);
        TempData[LoginModel.NoticeKey] = text["Account.Reset.Done"].Value;
        return Redirect("/account/login");
    }
}

public sealed class ResetPasswordInput
{
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
