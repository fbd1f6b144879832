using Microsoft.AspNetCore.Identity;

namespace CitySpiritAwards.Web.Identity;

/// <summary>A person with an account. The user name is the email address.</summary>
public sealed class AwardsUser : IdentityUser
{
    public const int DisplayNameMaxLength = 60;

    /// <summary>How the person is shown on the site (never their email).</summary>
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
