using CitySpiritAwards.Storage;
using CitySpiritAwards.Storage.Repair;
using Hangfire;

namespace CitySpiritAwards.Web.Hosting;

/// <summary>
/// The read tables (CitySpiritAwards.Storage): a SQLite file under DataPath/tables when embedded, the cluster's
/// PostgreSQL otherwise; a Hangfire job every minute that writes rows a crash left unwritten; at each start, the
/// upgrade of campaigns stored before the tables and one catch-up.
/// </summary>
public static class ReadTablesHosting
{
    public static void AddAwardsReadTables(this WebApplicationBuilder builder, HostingOptions hosting)
    {
        builder.Services.AddReadTables(hosting.IsEmbedded
            ? ReadTables.Sqlite(Path.Combine(hosting.DataFolder("tables"), "read-tables.db"))
            : ReadTables.Postgres(HostingOptions.PostgresConnectionString(builder.Configuration)));
        builder.Services.AddTransient<ReadTablesCatchUpJob>();
        builder.Services.AddHostedService<ReadTablesStartup>();
    }

    /// <summary>`dotnet run -- rebuild-read-tables`: writes every row again from the grains, then exits.</summary>
    public static async Task RebuildReadTablesAsync(this WebApplication app)
    {
        await app.StartAsync();
        var rows = await app.Services.GetRequiredService<ReadTableRepair>().RebuildAsync(app.Lifetime.ApplicationStopping);
        app.Logger.LogInformation("Rebuilt the read tables from {Count} nominations", rows);
        await app.StopAsync();
    }
}

/// <summary>The minutely catch-up: nominations whose pending mark is older than a change takes.</summary>
public sealed class ReadTablesCatchUpJob(ReadTableRepair repair)
{
    public const string RecurringJobId = "read-tables-catch-up";

    /// <summary>A mark younger than this may belong to a change still in progress.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(30);

    [AutomaticRetry(Attempts = 3)]
    public Task<int> CatchUpAsync() => repair.CatchUpAsync(SettleTime);
}

/// <summary>
/// At start, in the background (the site answers meanwhile): declares the minutely catch-up, upgrades campaigns stored
/// before the read tables, and catches up once. Started after the seed loader, which writes the demo's rows itself.
/// </summary>
public sealed class ReadTablesStartup(ReadTableRepair repair, IRecurringJobManager recurring, ILogger<ReadTablesStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        recurring.AddOrUpdate<ReadTablesCatchUpJob>(ReadTablesCatchUpJob.RecurringJobId, job => job.CatchUpAsync(), Cron.Minutely());
        try
        {
            await repair.UpgradeLegacyCampaignsAsync(stoppingToken);
            await repair.CatchUpAsync(TimeSpan.Zero, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not bring the read tables up to date at start; the minutely catch-up keeps trying");
        }
    }
}
