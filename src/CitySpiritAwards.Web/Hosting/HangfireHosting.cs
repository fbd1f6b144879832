using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace CitySpiritAwards.Web.Hosting;

/// <summary>
/// Hangfire runs the judging rounds' timed work. Embedded mode keeps jobs in memory: every job is derived
/// from campaign state at startup, so nothing is lost when the process restarts.
/// </summary>
public static class HangfireHosting
{
    public static void AddAwardsHangfire(this WebApplicationBuilder builder, HostingOptions hosting)
    {
        // The storage is this app's own service rather than Hangfire's process-wide JobStorage.Current, so
        // two instances in one process (the cluster tests) never share or dispose each other's storage.
        // Registered before AddHangfire, which only adds a storage when none is registered.
        builder.Services.AddSingleton<JobStorage>(services =>
        {
            services.GetRequiredService<IGlobalConfiguration>(); // Hangfire's settings (logging) before the storage logs.
            return hosting.IsEmbedded
                ? new InMemoryStorage(new InMemoryStorageOptions())
                : PostgresStorage(HostingOptions.PostgresConnectionString(builder.Configuration));
        });

        // Likewise the job activator: Hangfire's default is the process-wide JobActivator.Current, read after each instance
        // sets it, so two instances starting at once in one process could run each other's jobs with the other's services.
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));

        builder.Services.AddHangfire((services, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogging(services.GetRequiredService<ILoggerFactory>())));
        builder.Services.AddHangfireServer(options =>
        {
            // Two cores: a few workers are plenty for phase changes, reminders and tallies.
            options.WorkerCount = builder.Configuration.GetValue("Hangfire:WorkerCount", 4);
        });
    }

    private static PostgreSqlStorage PostgresStorage(string connectionString)
    {
        // Long polling (LISTEN/NOTIFY): an enqueued job, such as judge assignment after an early advance, starts at once
        // rather than at the next 15-second poll.
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true, EnableLongPolling = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
