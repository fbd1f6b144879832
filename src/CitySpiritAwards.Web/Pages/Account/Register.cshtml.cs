using System.ComponentModel.DataAnnotations;
using CitySpiritAwards.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CitySpiritAwards.Web.Pages.Account;

/// <summary>
/// Creates an account and sends the confirmation email. The answer is the same whether or not the address
/// already has an account (that account gets a note, or a new confirmation link, instead).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignupRateLimiterPolicy.Name)]
public sealed class RegisterModel(
    UserManager<AwardsUser> users,
    AccountMailer mailer,
    TimeProvider time,
    ILogger<RegisterModel> logger) : AccountPageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    /// <summary>The "check your email" answer is shown.</summary>
    public bool Sent { get; private set; }

    /// <summary>The email could not be sent just now.</summary>
    public bool SendFailed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();

        var email = Input.Email.Trim();
        var candidate = new AwardsUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName.Trim(),
            CreatedAt = time.GetUtcNow(),
        };

        // Judge the password before looking the address up, so the answer cannot depend on whether it is registered.
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, candidate, Input.Password);
            foreach (var error in checkedPassword.Errors)
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", error.Description);
        }
        if (!ModelState.IsValid)
            return Page();

        var existing = await users.FindByEmailAsync(email);
        if (existing is null)
        {
            var created = await users.CreateAsync(candidate, Input.Password);
            if (created.Succeeded)
            {
                logger.LogInformation("Account {UserId} registered; confirmation email follows.", candidate.Id);
                await SendAsync(() => mailer.SendConfirmationAsync(candidate, HttpContext, ct));
            }
            else if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                existing = await users.FindByEmailAsync(email); // registered a moment ago by a parallel request
            }
            else
            {
                foreach (var error in created.Errors)
                    ModelState.AddModelError(string.Empty, error.Description);
                return Page();
            }
        }

        if (existing is not null)
        {
            users.PasswordHasher.HashPassword(existing, Input.Password); // about the time a new account takes
            if (existing.EmailConfirmed)
                await SendAsync(() => mailer.SendAlreadyRegisteredAsync(existing, HttpContext, ct));
            else
                await SendAsync(() => mailer.SendConfirmationAsync(existing, HttpContext, ct));
        }

        Sent = true;
        return Page();
    }

    private async Task SendAsync(Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Could not send the registration email.");
            SendFailed = true;
        }
    }
}

public sealed class RegisterInput
{
    [Display(Name = "Account.Email")]
    [Required(ErrorMessage = "Account.EmailRequired")]
    [EmailAddress(ErrorMessage = "Account.EmailInvalid")]
    [StringLength(256, ErrorMessage = "Account.EmailTooLong")]
    public string Email { get; set; } = "";

    [Display(Name = "Account.DisplayName")]
    [Required(ErrorMessage = "Account.DisplayNameRequired")]
    [StringLength(AwardsUser.DisplayNameMaxLength, ErrorMessage = "Account.DisplayNameTooLong")]
    public string DisplayName { get; set; } = "";

    [Display(Name = "Account.Password")]
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
