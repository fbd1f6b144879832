using CitySpiritAwards.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CitySpiritAwards.Web.Pages.Account;

public enum ConfirmEmailOutcome
{
    Confirmed,
    AlreadyConfirmed,
    InvalidLink,
}

/// <summary>The link in the confirmation email. Confirming makes the account a <see cref="Roles.Resident"/>.</summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<AwardsUser> users, ILogger<ConfirmEmailModel> logger) : AccountPageModel
{
    public ConfirmEmailOutcome Outcome { get; private set; } = ConfirmEmailOutcome.InvalidLink;

    public string? Email { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code) || AccountMailer.DecodeCode(code) is not { } token)
            return;
        if (await users.FindByIdAsync(userId) is not { } user)
            return;

        var wasConfirmed = user.EmailConfirmed;
        var result = await users.ConfirmEmailAsync(user, token);
        if (!result.Succeeded)
            return;

        Email = user.Email;
        if (wasConfirmed)
        {
            Outcome = ConfirmEmailOutcome.AlreadyConfirmed;
            return;
        }

        Outcome = ConfirmEmailOutcome.Confirmed;
        if (!await users.IsInRoleAsync(user, Roles.Resident))
        {
            var added = await users.AddToRoleAsync(user, Roles.Resident);
            if (!added.Succeeded)
                logger.LogError("Account {UserId} confirmed its email but could not become a resident: {Errors}",
                    user.Id, string.Join("; ", added.Errors.Select(e => e.Code)));
        }
        logger.LogInformation("Account {UserId} confirmed its email.", user.Id);
    }
}
