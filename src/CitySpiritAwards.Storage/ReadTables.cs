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

    /// <summary>
    /// Columns added to tables after they were first created (read-tables.sql creates them with them). CREATE TABLE IF
    /// NOT EXISTS leaves an existing table as it is, and SQLite has no ADD COLUMN IF NOT EXISTS, so they are added here.
    /// </summary>
    private static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("nominations", "submitted_sheets", "integer NOT NULL DEFAULT 0"),
        ("judge_assignments", "award_rank", "integer NOT NULL DEFAULT 99"),
        ("judge_assignments", "status", "text NOT NULL DEFAULT 'ToDo'"),
        ("judge_assignments", "in_judging", "integer NOT NULL DEFAULT 0"),
    ];

    /// <summary>Creates or updates the tables and indexes. Idempotent; in a cluster run it under the schema lock.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        bool added;
        await using (var connection = await OpenAsync(cancellationToken))
        {
            if (!IsPostgres)
                await connection.ExecuteAsync("PRAGMA journal_mode = WAL;"); // stored in the file: readers never wait for the writer
            added = await AddColumnsAsync(connection, cancellationToken); // before the schema, whose indexes use them
            await connection.ExecuteAsync(new CommandDefinition(Schema("read-tables.sql"), cancellationToken: cancellationToken));
            if (IsPostgres)
                await connection.ExecuteAsync(new CommandDefinition(Schema("read-tables.postgresql.sql"), cancellationToken: cancellationToken));
        }
        // Rows written before the kept columns and counts existed: computed once from what the tables hold.
        if (added)
            await new Judging.JudgingIndex(this, TimeProvider.System).RecountAsync(cancellationToken);
    }

    /// <summary>Adds the <see cref="AddedColumns"/> an existing table lacks; true when it added any.</summary>
    private async Task<bool> AddColumnsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var added = false;
        foreach (var table in AddedColumns.GroupBy(c => c.Table))
        {
            var columns = (await connection.QueryAsync<string>(new CommandDefinition(IsPostgres
                    ? "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @Table"
                    : "SELECT name FROM pragma_table_info(@Table)", new { Table = table.Key }, cancellationToken: cancellationToken)))
                .ToHashSet(StringComparer.Ordinal);
            if (columns.Count == 0)
                continue; // not created yet: the schema creates it whole
            foreach (var (_, column, definition) in table.Where(c => !columns.Contains(c.Column)))
            {
                await connection.ExecuteAsync(new CommandDefinition($"ALTER TABLE {table.Key} ADD COLUMN {column} {definition}", cancellationToken: cancellationToken));
                added = true;
            }
        }
        return added;
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
