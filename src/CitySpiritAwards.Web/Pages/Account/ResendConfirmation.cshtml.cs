using System.ComponentModel.DataAnnotations;
using CitySpiritAwards.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CitySpiritAwards.Web.Pages.Account;

/// <summary>Sends a new confirmation link. Answers the same whatever the address, so it reveals no accounts.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignupRateLimiterPolicy.Name)]
public sealed class ResendConfirmationModel(
    UserManager<AwardsUser> users,
    AccountMailer mailer,
    ILogger<ResendConfirmationModel> logger) : AccountPageModel
{
    [BindProperty]
    public ResendInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public bool SendFailed { get; private set; }

    public void OnGet(string? email) => Input.Email = email ?? "";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();

        if (await users.FindByEmailAsync(Input.Email.Trim()) is { EmailConfirmed: false } user)
        {
            try
            {
                await mailer.SendConfirmationAsync(user, HttpContext, ct);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Could not send a new confirmation email to account {UserId}.", user.Id);
                SendFailed = true;
            }
        }
        Sent = true;
        return Page();
    }
}

public sealed class ResendInput
{
    [Display(Name = "Account.Email")]
    [Required(ErrorMessage = "Account.EmailRequired")]
    [EmailAddress(ErrorMessage = "Account.EmailInvalid")]
    [StringLength(256, ErrorMessage = "Account.EmailTooLong")]
    public string Email { get; set; } = "";
}
