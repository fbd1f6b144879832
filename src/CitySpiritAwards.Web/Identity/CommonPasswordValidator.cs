using CitySpiritAwards.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Identity;

/// <summary>Refuses a password on the <see cref="CommonPasswords"/> list, in the visitor's language (NIST SP 800-63B §5.1.1.2).</summary>
public sealed class CommonPasswordValidator(CommonPasswords common, IStringLocalizer<SharedResource> localizer) : IPasswordValidator<AwardsUser>
{
    public const string Code = "PasswordTooCommon";

    public Task<IdentityResult> ValidateAsync(UserManager<AwardsUser> manager, AwardsUser user, string? password) =>
        Task.FromResult(password is not null && common.Contains(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = localizer["Account.Error." + Code] })
            : IdentityResult.Success);
}
