using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Voting;
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
    TooMany,
}

/// <summary>
/// Sign in with email and password. Five wrong passwords from one network lock that network out of the address for 15
/// minutes, and too many failures answer 429 (see <see cref="SignInGuard"/>); an address with no account gets exactly the
/// same answers, after about the same work. "Confirm your email first" is only said to someone who typed the right password.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(
    UserManager<AwardsUser> users,
    AccountSessions sessions,
    SignInGuard guard,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer,
    ILogger<LoginModel> logger) : AccountPageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public LoginRefusal Refusal { get; private set; }

    /// <summary>Where another account page sends people to sign in with a word for them ("your password is changed").</summary>
    public const string NoticeKey = "AccountNotice";

    [TempData(Key = NoticeKey)]
    public string? Notice { get; set; }

    /// <summary>When a refused visitor may try again (locked out, or too many attempts).</summary>
    public int RetryMinutes { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var email = Input.Email.Trim();
        var network = ClientNetwork.Of(HttpContext.Connection.RemoteIpAddress);
        var check = guard.Check(email, network);
        if (check.Verdict == SignInVerdict.Throttled)
            return TooMany(check.RetryAfter);
        if (check.Verdict == SignInVerdict.LockedOut)
        {
            // Decided before the address is looked up: the same answer, and the same (no) work, with or without an account.
            guard.Refused(network);
            return LockedOut(check.RetryAfter);
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            users.PasswordHasher.HashPassword(new AwardsUser(), Input.Password); // about the time a real check takes
            return Failed(email, network);
        }
        if (!await users.CheckPasswordAsync(user, Input.Password))
            return Failed(email, network);

        guard.Succeeded(email, network);
        if (!user.EmailConfirmed)
            return Refuse(LoginRefusal.EmailNotConfirmed);
        if (await users.IsLockedOutAsync(user) && await users.GetLockoutEndDateAsync(user) is { } end)
            return LockedOut(end - time.GetUtcNow()); // locked by an operator: only someone with the password learns it

        await sessions.SignInAsync(user, Input.RememberMe);
        logger.LogInformation("Account {UserId} signed in.", user.Id);
        return LocalRedirect(LocalOrHome(ReturnUrl));
    }

    private PageResult Failed(string email, string network)
    {
        if (guard.Failed(email, network) is not { } lockedFor)
            return Refuse(LoginRefusal.WrongCredentials);
        logger.LogWarning("Sign-in to an address locked out for network {Network} after repeated wrong passwords.", network);
        return LockedOut(lockedFor);
    }

    private PageResult LockedOut(TimeSpan wait)
    {
        RetryMinutes = Minutes(wait);
        return Refuse(LoginRefusal.LockedOut);
    }

    /// <summary>429 on the sign-in page itself, with Retry-After, so the visitor reads why and the form is still there.</summary>
    private PageResult TooMany(TimeSpan wait)
    {
        RetryMinutes = Minutes(wait);
        Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var page = Refuse(LoginRefusal.TooMany);
        page.StatusCode = StatusCodes.Status429TooManyRequests;
        return page;
    }

    private static int Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));

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
    [Display(Name = "Account.Email")]
    [Required(ErrorMessage = "Account.EmailRequired")]
    [StringLength(256, ErrorMessage = "Account.EmailTooLong")]
    public string Email { get; set; } = "";

    [Display(Name = "Account.Password")]
    [Required(ErrorMessage = "Account.PasswordRequired")]
    [StringLength(256, ErrorMessage = "Account.PasswordTooLong")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Display(Name = "Account.Login.RememberMe")]
    public bool RememberMe { get; set; }
}
