using CitySpiritAwards.Grains.Voting;
using CitySpiritAwards.Web.Hosting;
using CitySpiritAwards.Web.Voting;
using Npgsql;

namespace CitySpiritAwards.Web.Fraud;

public static class FraudExtensions
{
    /// <summary>
    /// The fraud review: holds in the votes database (the SQLite file or PostgreSQL, beside the votes they hold), the
    /// minutely Hangfire scan and the administrators' review. After <see cref="VotingExtensions.AddAwardsVoting"/> (it
    /// uses the votes' connections) and after Hangfire (its registration declares a recurring job).
    /// </summary>
    public static void AddFraudReview(this WebApplicationBuilder builder, HostingOptions hosting)
    {
        var services = builder.Services;
        services.AddOptions<FraudOptions>().BindConfiguration(FraudOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Cron), "Fraud:Cron must be a cron expression.")
            .Validate(o => o.MinimumGroup >= 1, "Fraud:MinimumGroup must be at least 1.")
            .ValidateOnStart();
        if (hosting.IsEmbedded)
            services.AddSingleton<IVoteHolds>(sp => new SqliteVoteHolds(sp.GetRequiredService<IVoteLedger>() as SqliteVoteLedger
                ?? throw new InvalidOperationException("Embedded mode keeps votes in SQLite: the fraud review needs its SqliteVoteLedger.")));
        else
            services.AddSingleton<IVoteHolds>(sp => new PostgresVoteHolds(sp.GetRequiredKeyedService<NpgsqlDataSource>(nameof(IVoteLedger))));
        services.AddTransient<FraudJob>();
        services.AddHostedService<FraudJobRegistration>();
        services.AddSingleton<FraudReview>();
    }

    public static void MapFraudReview(this WebApplication app) => app.MapHeldVotesApi();
}
