using CitySpiritAwards.Grains.Voting;
using CitySpiritAwards.Web.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CitySpiritAwards.Web.Voting;

public static class VotingExtensions
{
    /// <summary>
    /// Public voting: the votes table (SQLite file under DataPath/votes when embedded, PostgreSQL in a cluster), the
    /// silo's group-committing <see cref="VoteWriter"/>, what each silo caches of campaigns and tallies, and the "vote"
    /// rate limiter policy.
    /// </summary>
    public static void AddAwardsVoting(this WebApplicationBuilder builder, HostingOptions hosting)
    {
        var services = builder.Services;
        services.AddOptions<VotingOptions>().BindConfiguration(VotingOptions.Section)
            .Validate(o => o.MaxBatchSize > 0 && o.MaxConcurrentBatches > 0 && o.CommitAttempts > 0, "Voting:MaxBatchSize, MaxConcurrentBatches and CommitAttempts must be positive.")
            .Validate(o => o.PermitsPerVoter > 0 && o.PermitsPerNetwork > 0 && o.RateWindow > TimeSpan.Zero, "Voting:PermitsPerVoter, PermitsPerNetwork and RateWindow must be positive.")
            .ValidateOnStart();

        if (hosting.IsEmbedded)
        {
            services.AddSingleton<IVoteLedger>(_ => new SqliteVoteLedger(Path.Combine(hosting.DataFolder("votes"), "votes.db")));
        }
        else
        {
            var connectionString = HostingOptions.PostgresConnectionString(builder.Configuration);
            services.AddKeyedSingleton(nameof(IVoteLedger), (_, _) => VoteDatabase(connectionString));
            services.AddSingleton<IVoteLedger>(sp => new PostgresVoteLedger(sp.GetRequiredKeyedService<NpgsqlDataSource>(nameof(IVoteLedger))));
        }
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<VotingOptions>>().Value;
            // SQLite has one writer at a time.
            var concurrency = hosting.IsEmbedded ? 1 : options.MaxConcurrentBatches;
            return new VoteWriter(sp.GetRequiredService<IVoteLedger>(), options, concurrency, sp.GetRequiredService<ILogger<VoteWriter>>());
        });
        // Registered after the silo, so it stops before it: votes already handed over are committed first.
        services.AddHostedService<VoteWriterLifetime>();
        services.AddSingleton<VotingCatalog>();
        services.AddSingleton<VoterReferences>();
        services.AddScoped<VotingServices>();
        services.AddSingleton<VoteTallies>();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, VoteRateLimiterPolicy>(VoteRateLimiterPolicy.Name));
    }

    /// <summary>The votes' connections: the same statements run thousands of times a second, so they are prepared once per connection.</summary>
    internal static NpgsqlDataSource VoteDatabase(string connectionString) =>
        new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 16, AutoPrepareMinUsages = 2 }.ConnectionString).Build();

    private sealed class VoteWriterLifetime(VoteWriter writer) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken) => await writer.DisposeAsync();
    }
}
