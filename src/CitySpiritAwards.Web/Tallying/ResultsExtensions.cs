using CitySpiritAwards.Grains.Tallying;
using CitySpiritAwards.Grains.Voting;
using Npgsql;
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
        if (hosting.IsEmbedded)
        {
            var votes = Path.Combine(hosting.DataFolder("votes"), "votes.db");
            // The ledger creates the votes table: made first, so the export never opens a file without it.
            builder.Services.AddSingleton<IVoteExport>(sp => { sp.GetRequiredService<IVoteLedger>(); return new SqliteVoteExport(votes); });
        }
        else
        {
            builder.Services.AddSingleton<IVoteExport>(sp => new PostgresVoteExport(sp.GetRequiredKeyedService<NpgsqlDataSource>(nameof(IVoteLedger))));
        }
    }

    public static void MapResults(this WebApplication app)
    {
        app.MapResultsApi();
    }
}
