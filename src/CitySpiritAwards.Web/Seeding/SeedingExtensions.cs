using CitySpiritAwards.Domain.Seeds;

namespace CitySpiritAwards.Web.Seeding;

public static class SeedingExtensions
{
    public static void AddSeeding(this WebApplicationBuilder builder)
    {
        var seedsPath = builder.Configuration["CitySpiritAwards:SeedsPath"] ?? Path.Combine(AppContext.BaseDirectory, "seeds");
        // Read once at startup: a broken seed file stops the app with a message naming the problem.
        builder.Services.AddSingleton(SeedReader.Read(seedsPath));
        builder.Services.AddHostedService<SeedLoader>();
    }
}
