using CitySpiritAwards.Storage;
using CitySpiritAwards.Testing;
using Microsoft.Data.Sqlite;

namespace CitySpiritAwards.Storage.Tests;

/// <summary>The read tables on a real PostgreSQL started for this test assembly, with the schema the app applies.</summary>
public sealed class PostgresTables : IAsyncLifetime
{
    private readonly PostgresServer _server = new();

    public ReadTables Tables { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _server.StartAsync();
        Tables = ReadTables.Postgres(await _server.CreateDatabaseAsync());
        await Tables.MigrateAsync();
        await Tables.MigrateAsync(); // a second silo starting, or the migrate command run again: no change, no error
    }

    /// <summary>A database of its own with no tables yet (the caller disposes it), for what a schema change meets.</summary>
    public async Task<ReadTables> EmptyAsync() => ReadTables.Postgres(await _server.CreateDatabaseAsync());

    public async Task DisposeAsync()
    {
        await Tables.DisposeAsync();
        await _server.DisposeAsync();
    }
}

/// <summary>The read tables in a SQLite file, as the embedded site keeps them.</summary>
public sealed class SqliteTables : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csa-storage-tests", Guid.NewGuid().ToString("N"));

    public ReadTables Tables { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Tables = ReadTables.Sqlite(Path.Combine(_folder, "read-tables.db"));
        await Tables.MigrateAsync();
        await Tables.MigrateAsync();
    }

    /// <summary>A database of its own with no tables yet (the caller disposes it), for what a schema change meets.</summary>
    public Task<ReadTables> EmptyAsync() => Task.FromResult(ReadTables.Sqlite(Path.Combine(_folder, $"{Guid.NewGuid():N}.db")));

    public async Task DisposeAsync()
    {
        await Tables.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
