using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CitySpiritAwards.Storage;

/// <summary>
/// The read tables' database: a SQLite file when embedded, PostgreSQL in a cluster (the same database as Orleans and
/// the votes). The one place that opens their connections and creates their schema; the SQL the tables are read and
/// written with is the same text for both (Schema/read-tables.sql says how).
/// </summary>
public sealed class ReadTables : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    static ReadTables() => DefaultTypeMap.MatchNamesWithUnderscores = true; // campaign_id ↔ CampaignId

    private ReadTables(NpgsqlDataSource? postgres, string? sqlite)
    {
        _postgres = postgres;
        _sqlite = sqlite;
    }

    public static ReadTables Sqlite(string path) =>
        new(null, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString());

    public static ReadTables Postgres(string connectionString) => new(NpgsqlDataSource.Create(connectionString), null);

    public bool IsPostgres => _postgres is not null;

    /// <summary>
    /// "column IN list" for a list parameter: Dapper spells a list out as (@p1, @p2, …) for SQLite, but hands PostgreSQL
    /// one array parameter, which only <c>= ANY(…)</c> takes.
    /// </summary>
    public string In(string parameter) => IsPostgres ? $"= ANY({parameter})" : $"IN {parameter}";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
            return await _postgres.OpenConnectionAsync(cancellationToken);
        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken);
        // Per connection. With WAL, NORMAL keeps every commit across a crash of the process (not of the machine); the
        // tables can be rebuilt from the grains, and the outbox row that matters is written before the grain's state.
        await connection.ExecuteAsync("PRAGMA synchronous = NORMAL;");
        return connection;
    }

    /// <summary>Creates or updates the tables and indexes. Idempotent; in a cluster run it under the schema lock.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (!IsPostgres)
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;"); // stored in the file: readers never wait for the writer
        await connection.ExecuteAsync(new CommandDefinition(Schema("read-tables.sql"), cancellationToken: cancellationToken));
        if (IsPostgres)
            await connection.ExecuteAsync(new CommandDefinition(Schema("read-tables.postgresql.sql"), cancellationToken: cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }

    private static string Schema(string name)
    {
        using var stream = typeof(ReadTables).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not compiled into the storage assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
