using CitySpiritAwards.Web.Pages.Nominations;
using CitySpiritAwards.Web.Photos.Processing;

namespace CitySpiritAwards.Web.Nominations;

public static class NominationExtensions
{
    /// <summary>The wiring of nominations: the services of their API and pages, the consent links, and their limits.</summary>
    public static void AddNominations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ConsentLinks>();
        services.AddSingleton<NominationFormReader>();
        services.AddScoped<NominationServices>();
        services.AddScoped<NominationFormServices>();
        builder.AddNominationLimits();
    }

    /// <summary>
    /// What keeps nominations from being used against the site or anyone's inbox: the consent email limits, the bound on
    /// photo decodes in flight, and the "nomination" rate limiter policy.
    /// </summary>
    public static void AddNominationLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NominationOptions>().BindConfiguration(NominationOptions.Section)
            .Validate(o => o.PostsPerAccount > 0 && o.PostWindow > TimeSpan.Zero, "Nominations:PostsPerAccount and PostWindow must be positive.")
            .Validate(o => o.ConsentEmailsPerAddress > 0 && o.ConsentEmailsPerAccount > 0 && o.ConsentEmailWindow > TimeSpan.Zero,
                "Nominations:ConsentEmailsPerAddress, ConsentEmailsPerAccount and ConsentEmailWindow must be positive.")
            .ValidateOnStart();
        services.AddScoped<ConsentEmails>(); // scoped: it mails through AccountMailer, which needs the request's UserManager
        services.AddOptions<PhotoDecodeOptions>().BindConfiguration(PhotoDecodeOptions.Section)
            .Validate(o => o.MaxConcurrentDecodes > 0 && o.DecodeWait >= TimeSpan.Zero, "Photos:MaxConcurrentDecodes must be positive and Photos:DecodeWait not negative.")
            .ValidateOnStart();
        services.AddSingleton<PhotoDecodeGate>();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, NominationRateLimiterPolicy>(NominationRateLimiterPolicy.Name));
    }
}
