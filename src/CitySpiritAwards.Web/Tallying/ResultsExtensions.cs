using CitySpiritAwards.Grains.Tallying;
using CitySpiritAwards.Web.Hosting;

namespace CitySpiritAwards.Web.Tallying;

/// <summary>The wiring of results: the job that follows the phases, what the results grain reads of the votes, the exports and the endpoints.</summary>
public static class ResultsExtensions
{
    public static void AddResults(this WebApplicationBuilder builder, HostingOptions hosting)
    {
        builder.Services.AddTransient<ResultsJob>();
        builder.Services.AddSingleton<ICountedVotes, LedgerCountedVotes>();
        builder.Services.AddScoped<ResultsServices>();
    }

    public static void MapResults(this WebApplication app)
    {
        app.MapResultsApi();
    }
}
