using System.Text;
using CitySpiritAwards.Web.Identity.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CitySpiritAwards.Web.Identity;

/// <summary>Sends the account emails with absolute links back to the site, at the <see cref="LinkOrigin"/>.</summary>
public sealed class AccountMailer(
    UserManager<AwardsUser> users,
    IEmailSender sender,
    AccountEmails emails,
    LinkGenerator links,
    LinkOrigin origin)
{
    public const string ConfirmEmailPage = "/Account/ConfirmEmail";
    public const string LoginPage = "/Account/Login";
    public const string ResetPasswordPage = "/Account/ResetPassword";
    public const string ConfirmEmailChangePage = "/Account/ConfirmEmailChange";
    public const string HelpPage = "/Help/Index";

    public async Task SendConfirmationAsync(AwardsUser user, HttpContext http, CancellationToken ct)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = Link(http, ConfirmEmailPage, new { userId = user.Id, code });
        await sender.SendAsync(emails.ConfirmEmail(user.Email!, link), ct);
    }

    /// <summary>Sends a link to choose a new password (Identity's reset token, valid as long as its token lifespan).</summary>
    public async Task SendPasswordResetAsync(AwardsUser user, HttpContext http, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = Link(http, ResetPasswordPage, new { userId = user.Id, code });
        await sender.SendAsync(emails.PasswordReset(user.Email!, link), ct);
    }

    /// <summary>Sends the new address a link that makes it the account's address; nothing changes until it is opened.</summary>
    public async Task SendEmailChangeAsync(AwardsUser user, string newEmail, HttpContext http, CancellationToken ct)
    {
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = Link(http, ConfirmEmailChangePage, new { userId = user.Id, email = newEmail, code });
        await sender.SendAsync(emails.ConfirmEmailChange(newEmail, link), ct);
    }

    /// <summary>Tells the old address that the account's address was changed, so a stolen session cannot do it unseen.</summary>
    public Task SendEmailChangedAsync(string oldEmail, HttpContext http, CancellationToken ct) =>
        sender.SendAsync(emails.EmailChanged(oldEmail, Link(http, HelpPage, values: null)), ct);

    public Task SendAlreadyRegisteredAsync(AwardsUser user, HttpContext http, CancellationToken ct) =>
        sender.SendAsync(emails.AlreadyRegistered(user.Email!, Link(http, LoginPage, values: null)), ct);

    /// <summary>Sends the nominee the link to consent to, decline or withdraw being shown publicly.</summary>
    public Task SendNomineeConsentAsync(string nomineeEmail, string consentPath, HttpContext http, CancellationToken ct) =>
        sender.SendAsync(emails.NomineeConsent(nomineeEmail, $"{origin.OriginOf(http)}{consentPath}"), ct);

    private string Link(HttpContext http, string page, object? values)
    {
        var (scheme, host) = origin.For(http);
        return links.GetUriByPage(http, page, handler: null, values, scheme, host)
            ?? throw new InvalidOperationException($"No route to page {page}.");
    }

    /// <summary>Reverses the Base64Url wrapping of a confirmation code taken from a link; null when it is not valid Base64Url.</summary>
    public static string? DecodeCode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
