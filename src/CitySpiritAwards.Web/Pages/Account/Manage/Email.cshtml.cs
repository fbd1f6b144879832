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
/// Change the account's email address: after the password again, the new address gets a link, and nothing changes until
/// it is opened (so a typo never locks anyone out). An address another account holds gets no email and the same answer,
/// so the form tells no one which addresses have accounts.
/// </summary>
[Authorize]
[EnableRateLimiting(SignupRateLimiterPolicy.Name)] // each try checks the password and may send an email
public sealed class EmailModel(UserManager<AwardsUser> users, AccountMailer mailer, IStringLocalizer<SharedResource> text, ILogger<EmailModel> logger)
    : AccountPageModel
{
    [BindProperty]
    public ChangeEmailInput Input { get; set; } = new();

    public string? CurrentEmail { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        CurrentEmail = user.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        CurrentEmail = user.Email;
        if (!ModelState.IsValid)
            return Page();
        var newEmail = Input.NewEmail.Trim();
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
            ModelState.AddModelError("Input.NewEmail", text["Account.ChangeEmail.Same"]);
        else if (!await users.CheckPasswordAsync(user, Input.Password))
            ModelState.AddModelError("Input.Password", text["Account.Error.PasswordMismatch"]);
        if (!ModelState.IsValid)
            return Page();

        if (await users.FindByEmailAsync(newEmail) is null)
        {
            try
            {
                await mailer.SendEmailChangeAsync(user, newEmail, HttpContext, ct);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Could not send the email change link for account {UserId}.", user.Id);
                ModelState.AddModelError(string.Empty, text["Account.ChangeEmail.SendFailed"]);
                return Page();
            }
        }
        TempData[IndexModel.MessageKey] = text["Account.ChangeEmail.Sent", newEmail].Value;
        return Redirect("/account/manage");
    }
}

public sealed class ChangeEmailInput
{
    [Display(Name = "Account.ChangeEmail.New")]
    [Required(ErrorMessage = "Account.EmailRequired")]
    [EmailAddress(ErrorMessage = "Account.EmailInvalid")]
    [StringLength(256, ErrorMessage = "Account.EmailTooLong")]
    public string NewEmail { get; set; } = "";

    [Display(Name = "Account.CurrentPassword")]
    [Required(ErrorMessage = "Account.PasswordRequired")]
    [StringLength(256, ErrorMessage = "Account.PasswordTooLong")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}
