using System.ComponentModel.DataAnnotations;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Pages.Account;

public enum LoginRefusal
{
    None,
    WrongCredentials,
    EmailNotConfirmed,
    LockedOut,
}

/// <summary>
/// Sign in with email and password. Five wrong passwords lock the account for 15 minutes. "Confirm your email first"
/// is only said to someone who typed the right password.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(
    UserManager<AwardsUser> users,
    SignInManager<AwardsUser> signIn,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer,
    ILogger<LoginModel> logger) : AccountPageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public LoginRefusal Refusal { get; private set; }

    public int LockoutMinutes { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            users.PasswordHasher.HashPassword(new AwardsUser(), Input.Password); // about the time a real check takes
            return Refuse(LoginRefusal.WrongCredentials);
        }
        if (await users.IsLockedOutAsync(user))
            return await LockedOutAsync(user);

        if (!user.EmailConfirmed)
        {
            // SignInManager would say "not allowed" before checking the password; check it ourselves and count failures.
            if (await users.CheckPasswordAsync(user, Input.Password))
                return Refuse(LoginRefusal.EmailNotConfirmed);
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user) ? await LockedOutAsync(user) : Refuse(LoginRefusal.WrongCredentials);
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Account {UserId} signed in.", user.Id);
            return LocalRedirect(LocalOrHome(ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Account {UserId} locked out after repeated wrong passwords.", user.Id);
            return await LockedOutAsync(user);
        }
        return Refuse(LoginRefusal.WrongCredentials);
    }

    private async Task<IActionResult> LockedOutAsync(AwardsUser user)
    {
        var end = await users.GetLockoutEndDateAsync(user) ?? time.GetUtcNow();
        LockoutMinutes = Math.Max(1, (int)Math.Ceiling((end - time.GetUtcNow()).TotalMinutes));
        return Refuse(LoginRefusal.LockedOut);
    }

    private PageResult Refuse(LoginRefusal refusal)
    {
        Refusal = refusal;
        if (refusal == LoginRefusal.WrongCredentials)
            ModelState.AddModelError(string.Empty, localizer["Account.Login.WrongCredentials"]);
        return Page();
    }
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Account.EmailRequired")]
    [StringLength(256, ErrorMessage = "Account.EmailTooLong")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Account.PasswordRequired")]
    [StringLength(256, ErrorMessage = "Account.PasswordTooLong")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}
