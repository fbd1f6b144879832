using System.ComponentModel.DataAnnotations;
using CitySpiritAwards.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CitySpiritAwards.Web.Pages.Account;

/// <summary>
/// "Forgot your password?": emails a link to choose a new one. Answers the same whatever the address (known, unknown or
/// unconfirmed), so it reveals no accounts; rate-limited like sign-up, since each answer may send an email.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignupRateLimiterPolicy.Name)]
public sealed class ForgotPasswordModel(UserManager<AwardsUser> users, AccountMailer mailer, ILogger<ForgotPasswordModel> logger) : AccountPageModel
{
    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    /// <summary>Back from a sent request (post/redirect/get): the page says what happens next, and offers no form.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public void OnGet(string? email) => Input.Email = email ?? "";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        // Only a confirmed address gets a link: an unconfirmed one may not be its owner's.
        if (await users.FindByEmailAsync(Input.Email.Trim()) is { EmailConfirmed: true } user)
        {
            try
            {
                await mailer.SendPasswordResetAsync(user, HttpContext, ct);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Said to no one: the page must answer the same for every address. The owner can ask again.
                logger.LogError(exception, "Could not send a password reset email to account {UserId}.", user.Id);
            }
        }
        return RedirectToPage(new { sent = true });
    }
}

public sealed class ForgotPasswordInput
{
    [Display(Name = "Account.Email")]
    [Required(ErrorMessage = "Account.EmailRequired")]
    [EmailAddress(ErrorMessage = "Account.EmailInvalid")]
    [StringLength(256, ErrorMessage = "Account.EmailTooLong")]
    public string Email { get; set; } = "";
}
