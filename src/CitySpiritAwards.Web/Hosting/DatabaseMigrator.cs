using CitySpiritAwards.Storage;
using CitySpiritAwards.Web.Identity;
using Npgsql;

namespace CitySpiritAwards.Web.Hosting;

/// <summary>
/// Creates what the app needs in its stores before the silo starts. In cluster mode this runs the Orleans
/// ADO.NET schema (infra/sql/postgresql/orleans.sql, compiled in), the votes schema (votes.sql), the read tables
/// (CitySpiritAwards.Storage/Schema) and the accounts schema under one
/// PostgreSQL advisory lock, so silos starting together take turns; every step is idempotent.
/// Hangfire.PostgreSql creates its own schema.
/// </summary>
public static class DatabaseMigrator
{
    // Any fixed number works; it names "the City Spirit Awards schema lock" for pg_advisory_lock.
    private const long SchemaLockId = 0x43_53_41_53_43_48_4D_41;

    public static async Task PrepareStorageAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var hosting = services.GetRequiredService<HostingOptions>();
        if (hosting.IsEmbedded || hosting.MigrateOnStartup)
            await services.MigrateDatabaseAsync(cancellationToken);
    }

    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var hosting = services.GetRequiredService<HostingOptions>();
        var readTables = services.GetRequiredService<ReadTables>();
        if (hosting.IsEmbedded)
        {
            await services.PrepareIdentityAsync(cancellationToken);
            await readTables.MigrateAsync(cancellationToken);
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        var connectionString = HostingOptions.PostgresConnectionString(services.GetRequiredService<IConfiguration>());
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({SchemaLockId})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, ReadSchema("orleans.sql"), cancellationToken);
            await ExecuteAsync(connection, ReadSchema("votes.sql"), cancellationToken);
            await readTables.MigrateAsync(cancellationToken);
            await services.PrepareIdentityAsync(cancellationToken);
            logger.LogInformation("Database schema is up to date");
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({SchemaLockId})", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ReadSchema(string name)
    {
        using var stream = typeof(DatabaseMigrator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not compiled into the app.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
