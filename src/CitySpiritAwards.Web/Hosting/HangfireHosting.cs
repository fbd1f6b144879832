using CitySpiritAwards.Web.Campaigns;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;

namespace CitySpiritAwards.Web.Hosting;

/// <summary>
/// Hangfire runs the judging rounds' timed work. Embedded mode keeps jobs in memory: every job is derived
/// from campaign state at startup, so nothing is lost when the process restarts.
/// </summary>
public static class HangfireHosting
{
    public static void AddAwardsHangfire(this WebApplicationBuilder builder, HostingOptions hosting)
    {
        builder.Services.AddHangfire((services, configuration) =>
        {
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (hosting.IsEmbedded)
            {
                configuration.UseInMemoryStorage(new InMemoryStorageOptions());
            }
            else
            {
                var connectionString = HostingOptions.PostgresConnectionString(builder.Configuration);
                configuration.UsePostgreSqlStorage(options => options.UseNpgsqlConnection(connectionString),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
            }
        });
        builder.Services.AddHangfireServer(options =>
        {
            // Two cores: a few workers are plenty for phase changes, reminders and tallies.
            options.WorkerCount = builder.Configuration.GetValue("Hangfire:WorkerCount", 4);
        });
        builder.Services.AddTransient<CampaignPhaseJob>();
        builder.Services.AddHostedService<CampaignPhaseJobRegistration>();
    }
}
