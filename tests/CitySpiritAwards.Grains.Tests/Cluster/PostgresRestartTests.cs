using CitySpiritAwards.Testing;

namespace CitySpiritAwards.Grains.Tests.Cluster;

/// <summary>The test PostgreSQL can be stopped and started again (fault tests rely on it) without losing committed data.</summary>
[Collection(ServersCollection.Name)]
public sealed class PostgresRestartTests(ServersFixture servers)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Committed_rows_survive_a_restart_on_the_same_port(bool immediate)
    {
        var database = await servers.Postgres.CreateDatabaseAsync();
        await Sql.ExecuteAsync(database, "CREATE TABLE Votes (Id int PRIMARY KEY); INSERT INTO Votes VALUES (1), (2);");

        try
        {
            await servers.Postgres.StopAsync(immediate);
            Assert.False(servers.Postgres.IsRunning);
            await Assert.ThrowsAnyAsync<Exception>(() => Sql.ExecuteAsync(database, "SELECT 1"));
        }
        finally
        {
            // The server is shared with the other tests of the collection: always bring it back.
            await servers.Postgres.StartAsync();
        }

        Assert.Equal(2L, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM Votes"));
    }
}
