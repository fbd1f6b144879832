namespace CitySpiritAwards.Web.Identity;

/// <summary>The "Account" configuration section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Account";

    /// <summary>
    /// Scheme and host used in links sent by email, e.g. <c>https://awards.example.org</c> (no path). When empty the links use
    /// the host of the request only where it cannot be forged (see <see cref="LinkOrigin"/>); set it in production.
    /// </summary>
    public string? PublicOrigin { get; set; }

    /// <summary>Registrations and confirmation emails one client IP address may ask for per <see cref="SignupWindow"/>.</summary>
    public int SignupPermitLimit { get; set; } = 10;

    public TimeSpan SignupWindow { get; set; } = TimeSpan.FromMinutes(10);
}
