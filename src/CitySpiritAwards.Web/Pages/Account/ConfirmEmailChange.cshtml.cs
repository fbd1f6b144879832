using CitySpiritAwards.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CitySpiritAwards.Web.Pages.Account;

/// <summary>
/// The link sent to a new address: it becomes the account's email and sign-in name, the account's sessions end (sign in
/// again with the new address), and the old address is told.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailChangeModel(UserManager<AwardsUser> users, SignedOutSessions signedOut, AccountMailer mailer, ILogger<ConfirmEmailChangeModel> logger)
    : AccountPageModel
{
    /// <summary>The account's new address, once changed; null when the link is broken, used or expired.</summary>
    public string? Email { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(email) || AccountMailer.DecodeCode(code ?? "") is not { } token
            || await users.FindByIdAsync(userId) is not { } user)
            return;
        var oldEmail = user.Email;
        user.UserName = email; // the sign-in name is the address; ChangeEmailAsync saves both, or neither
        var changed = await users.ChangeEmailAsync(user, email, token);
        if (!changed.Succeeded)
            return;
        Email = email;
        signedOut.EndAll(user.Id, user.SecurityStamp!);
        logger.LogInformation("Account {UserId} changed its email address.", user.Id);
        if (oldEmail is not null)
        {
            try
            {
                await mailer.SendEmailChangedAsync(oldEmail, HttpContext, ct);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Could not tell the old address of account {UserId} about the change.", user.Id);
            }
        }
    }
}
