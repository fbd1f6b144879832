using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Web.Nominations;

/// <summary>The "Nominations" configuration section: how often an account may post nomination forms, and the consent email limits.</summary>
public sealed class NominationOptions
{
    public const string Section = "Nominations";

    /// <summary>
    /// Nomination posts (submit, edit, withdraw, "send the consent email") one account may make per <see cref="PostWindow"/>:
    /// a resident with the campaign's 5 nominations, each corrected a few times, stays well under it.
    /// </summary>
    public int PostsPerAccount { get; set; } = 20;

    public TimeSpan PostWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Consent emails to one address per <see cref="ConsentEmailWindow"/>, whoever nominates (<see cref="ConsentEmailLimits"/>).</summary>
    public int ConsentEmailsPerAddress { get; set; } = ConsentEmailLimits.PerAddress;

    /// <summary>Consent emails for one nominator's account per <see cref="ConsentEmailWindow"/>.</summary>
    public int ConsentEmailsPerAccount { get; set; } = ConsentEmailLimits.PerAccount;

    public TimeSpan ConsentEmailWindow { get; set; } = ConsentEmailLimits.Window;
}
