using System.Diagnostics;
using CitySpiritAwards.Testing;
using Npgsql;

namespace CitySpiritAwards.Web.Tests.Cluster;

/// <summary>The README's `dotnet run -- migrate`: creates the cluster schema, exits, and can run again.</summary>
[Collection(ServersCollection.Name)]
public sealed class MigrateCommandTests(ServersFixture servers)
{
    [Fact]
    public async Task Migrate_creates_the_Orleans_and_account_tables_and_running_it_again_changes_nothing()
    {
        var database = await servers.Postgres.CreateDatabaseAsync();

        var first = await RunMigrateAsync(database);
        var tablesAfterFirst = await TablesAsync(database);
        var queriesAfterFirst = await ScalarAsync<long>(database, "SELECT count(*) FROM orleansquery");
        var second = await RunMigrateAsync(database);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("orleansmembershiptable", tablesAfterFirst);
        Assert.Contains("orleansstorage", tablesAfterFirst);
        Assert.DoesNotContain("orleansreminderstable", tablesAfterFirst); // no grain uses Orleans reminders
        Assert.Contains("AspNetUsers", tablesAfterFirst);
        Assert.Equal(tablesAfterFirst, await TablesAsync(database));
        Assert.Equal(queriesAfterFirst, await ScalarAsync<long>(database, "SELECT count(*) FROM orleansquery"));
        Assert.Equal(1, await ScalarAsync<long>(database, "SELECT count(*) FROM orleansquery WHERE querykey = 'CleanupDefunctSiloEntriesKey'"));
    }

    private async Task<(int ExitCode, string Output)> RunMigrateAsync(string database)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CitySpiritAwards.Web.dll"), "migrate"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["CitySpiritAwards__Mode"] = "Cluster",
                ["ConnectionStrings__Postgres"] = database,
                ["ConnectionStrings__Blobs"] = servers.Azurite.ConnectionString,
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static async Task<List<string>> TablesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
            tables.Add(reader.GetString(0));
        return tables;
    }

    private static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
