using CitySpiritAwards.Domain.Seeds;
using CitySpiritAwards.Grains.Nominations;

namespace CitySpiritAwards.Web.Seeding;

public static class SeedingExtensions
{
    public static void AddSeeding(this WebApplicationBuilder builder)
    {
        var seedsPath = builder.Configuration["CitySpiritAwards:SeedsPath"] ?? Path.Combine(AppContext.BaseDirectory, "seeds");
        // Read once at startup: a broken seed file stops the app with a message naming the problem.
        var seeds = SeedReader.Read(seedsPath);
        builder.Services.AddSingleton(seeds);
        builder.Services.AddSingleton(new KnownDistricts(seeds.Districts.Select(d => d.Id)));
        builder.Services.AddHostedService<SeedLoader>();
    }
}
