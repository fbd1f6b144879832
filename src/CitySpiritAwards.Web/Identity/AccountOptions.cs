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

    /// <summary>Failed sign-ins one client network (IPv4 /24, IPv6 /64) may make per <see cref="SignInWindow"/> before it gets 429.</summary>
    public int SignInFailuresPerNetwork { get; set; } = 30;

    /// <summary>Failed sign-ins for one address, from all networks, per <see cref="SignInWindow"/>; see <see cref="SignInGuard"/>.</summary>
    public int SignInFailuresPerAccount { get; set; } = 10;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(10);
}
