using System.Reflection;
using System.Text.RegularExpressions;
using CitySpiritAwards.Testing;
using Orleans.Configuration;
using Orleans.Storage;

namespace CitySpiritAwards.Grains.Tests.Cluster;

/// <summary>infra/sql/postgresql/orleans.sql: idempotent, safe to run concurrently, and complete for the 10.4.2 providers.</summary>
[Collection(ServersCollection.Name)]
public sealed partial class OrleansSchemaTests(ServersFixture servers)
{
    [Fact]
    public async Task Applying_the_schema_twice_leaves_one_complete_query_catalogue()
    {
        var database = await servers.Postgres.CreateDatabaseAsync();

        await servers.Postgres.ApplyOrleansSchemaAsync(database);
        var once = await CatalogueAsync(database);
        await servers.Postgres.ApplyOrleansSchemaAsync(database);

        Assert.Equal(once, await CatalogueAsync(database));
        Assert.Superset(RequiredQueryKeys().ToHashSet(), once.Keys.ToHashSet());
    }

    [Fact]
    public async Task Applying_the_schema_from_several_connections_at_once_succeeds()
    {
        var database = await servers.Postgres.CreateDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => servers.Postgres.ApplyOrleansSchemaAsync(database))));

        Assert.Superset(RequiredQueryKeys().ToHashSet(), (await CatalogueAsync(database)).Keys.ToHashSet());
    }

    [Fact]
    public void The_catalogue_covers_every_query_key_the_providers_read()
    {
        var script = File.ReadAllText(RepositoryPaths.OrleansPostgresSchema);
        var inserted = QueryKeyRow().Matches(script).Select(match => match.Groups[1].Value).ToHashSet();

        Assert.Superset(RequiredQueryKeys().ToHashSet(), inserted);
        Assert.Contains("CleanupDefunctSiloEntriesKey", inserted);
        Assert.Contains("CleanupDefunctSiloEntryKey", inserted);
        Assert.Contains("DeleteStorageKey", inserted);
    }

    [Fact]
    public async Task The_bulk_defunct_silo_cleanup_deletes_old_dead_rows_of_one_deployment_only()
    {
        var database = await servers.CreateOrleansDatabaseAsync();
        var now = DateTime.UtcNow;
        await Sql.ExecuteAsync(database, """
            INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES ('a'), ('b');
            INSERT INTO OrleansMembershipTable
                (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
            VALUES
                ('a', '127.0.0.1', 1, 1, 'old dead', 'h', 6, 0, @old, @old),
                ('a', '127.0.0.1', 2, 1, 'recent dead', 'h', 6, 0, @recent, @recent),
                ('a', '127.0.0.1', 3, 1, 'old but active', 'h', 3, 0, @old, @old),
                ('b', '127.0.0.1', 4, 1, 'other cluster', 'h', 6, 0, @old, @old);
            """, ("old", now.AddDays(-10)), ("recent", now.AddHours(-1)));
        var cleanup = await Sql.ScalarAsync<string>(database, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntriesKey'");

        await Sql.ExecuteAsync(database, cleanup, ("DeploymentId", "a"), ("IAmAliveTime", now.AddDays(-1)));

        var left = await Sql.RowsAsync(database, "SELECT Port FROM OrleansMembershipTable ORDER BY Port", row => row.GetInt32(0));
        Assert.Equal([2, 3, 4], left);
    }

    /// <summary>The keys Orleans 10.4.2 reads, taken from the provider assemblies themselves.</summary>
    private static IEnumerable<string> RequiredQueryKeys()
    {
        var storedQueries = typeof(AdoNetClusteringSiloOptions).Assembly.GetTypes().Single(type => type.Name == "DbStoredQueries");
        foreach (var property in storedQueries.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic))
            yield return property.Name;

        foreach (Match match in PersistenceKey().Matches(AdoNetGrainStorage.DefaultInitializationQuery))
            yield return match.Groups[1].Value;
    }

    private static async Task<Dictionary<string, string>> CatalogueAsync(string database) =>
        (await Sql.RowsAsync(database, "SELECT QueryKey, QueryText FROM OrleansQuery", row => (row.GetString(0), row.GetString(1))))
        .ToDictionary(row => row.Item1, row => row.Item2);

    [GeneratedRegex(@"QueryKey = '(\w+)'")]
    private static partial Regex PersistenceKey();

    [GeneratedRegex(@"^\(\s*(?:--[^\n]*\n\s*)*'(\w+Key)',", RegexOptions.Multiline)]
    private static partial Regex QueryKeyRow();
}
