using CitySpiritAwards.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Grains.Tests.Cluster;

/// <summary>
/// The Orleans 10.4.2 ADO.NET providers (clustering, grain storage) running real silos against
/// a real PostgreSQL whose schema is infra/sql/postgresql/orleans.sql.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class AdoNetProvidersTests(ServersFixture servers) : IAsyncLifetime
{
    private const int Active = 3;
    private const int Dead = 6;

    private readonly string _clusterId = $"probe-{Guid.NewGuid():N}";
    private string _database = "";

    public async Task InitializeAsync() => _database = await servers.CreateOrleansDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_silos_join_through_the_membership_table_and_see_each_other_as_active()
    {
        await using var first = await PostgresSilo.StartAsync(_database, _clusterId);
        await using var second = await PostgresSilo.StartAsync(_database, _clusterId);
        var both = new[] { first.Address, second.Address }.Order().ToArray();

        var rows = await Poll.UntilAsync(() => MembershipRowsAsync(), r => r.Count(row => row.Status == Active) == 2);
        Assert.Equal(both.Select(a => a.Endpoint.Port).Order(), rows.Where(row => row.Status == Active).Select(row => row.Port).Order());

        foreach (var silo in new[] { first, second })
        {
            var view = await Poll.UntilAsync(() => Task.FromResult(silo.Membership), s => ActiveIn(s).Length == 2);
            Assert.Equal(both, ActiveIn(view));
        }
    }

    [Fact]
    public async Task A_silo_that_shuts_down_is_marked_dead_in_the_table()
    {
        await using var first = await PostgresSilo.StartAsync(_database, _clusterId);
        var second = await PostgresSilo.StartAsync(_database, _clusterId);
        var leaving = second.Address;

        await second.DisposeAsync();

        var rows = await MembershipRowsAsync();
        Assert.Equal(Dead, rows.Single(row => row.Port == leaving.Endpoint.Port && row.Generation == leaving.Generation).Status);
        var view = await Poll.UntilAsync(() => Task.FromResult(first.Membership), s => ActiveIn(s).Length == 1);
        Assert.Equal([first.Address], ActiveIn(view));
    }

    [Fact]
    public async Task State_written_through_one_silo_is_read_back_from_postgres_by_a_new_activation()
    {
        await using var first = await PostgresSilo.StartAsync(_database, _clusterId);
        await using var second = await PostgresSilo.StartAsync(_database, _clusterId);
        const string note = "海纳百川 · Embracing All Rivers";
        var key = $"probe-{Guid.NewGuid():N}";

        var viaFirst = first.Grains.GetGrain<IProbeGrain>(key);
        await viaFirst.WriteAsync(note);
        var before = await viaFirst.ReadAsync();
        await viaFirst.DeactivateAsync();
        var after = await second.Grains.GetGrain<IProbeGrain>(key).ReadAsync();

        Assert.NotEqual(before.Activation, after.Activation);
        Assert.Equal(note, after.Note);
        Assert.True(after.RecordExists);
        Assert.Equal(1, await StoredVersionAsync(key));
    }

    [Fact]
    public async Task Updates_bump_the_stored_version_and_clearing_keeps_no_payload()
    {
        await using var silo = await PostgresSilo.StartAsync(_database, _clusterId);
        var key = $"probe-{Guid.NewGuid():N}";
        var grain = silo.Grains.GetGrain<IProbeGrain>(key);

        await grain.WriteAsync("first");
        await grain.WriteAsync("second");
        Assert.Equal(2, await StoredVersionAsync(key));

        await grain.ClearAsync();
        await grain.DeactivateAsync();
        var cleared = await grain.ReadAsync();

        Assert.Null(cleared.Note);
        Assert.False(cleared.RecordExists);
        Assert.Equal(3, await StoredVersionAsync(key));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(_database,
            "SELECT count(*) FROM OrleansStorage WHERE GrainIdExtensionString = @key AND PayloadBinary IS NOT NULL", ("key", key)));
    }

    [Fact]
    public async Task Cleaning_up_defunct_silos_deletes_only_dead_rows_older_than_the_cutoff()
    {
        await using var silo = await PostgresSilo.StartAsync(_database, _clusterId);
        var now = DateTime.UtcNow;
        await InsertMembershipRowAsync(port: 40001, Dead, lastSeen: now.AddDays(-10));
        await InsertMembershipRowAsync(port: 40002, Dead, lastSeen: now.AddHours(-1));

        await silo.Services.GetRequiredService<IMembershipTable>().CleanupDefunctSiloEntriesAsync(now.AddDays(-1), CancellationToken.None);

        var ports = (await MembershipRowsAsync()).Select(row => row.Port).ToArray();
        Assert.DoesNotContain(40001, ports);
        Assert.Contains(40002, ports);
        Assert.Contains(silo.Address.Endpoint.Port, ports);
    }

    private static SiloAddress[] ActiveIn(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Values.Where(member => member.Status == SiloStatus.Active).Select(member => member.SiloAddress).Order().ToArray();

    private Task<List<(int Port, int Generation, int Status)>> MembershipRowsAsync() =>
        Sql.RowsAsync(_database,
            "SELECT Port, Generation, Status FROM OrleansMembershipTable WHERE DeploymentId = @cluster",
            row => (row.GetInt32(0), row.GetInt32(1), row.GetInt32(2)), ("cluster", _clusterId));

    private Task<int> StoredVersionAsync(string key) =>
        Sql.ScalarAsync<int>(_database,
            "SELECT Version FROM OrleansStorage WHERE ServiceId = @service AND GrainIdExtensionString = @key",
            ("service", PostgresSilo.ServiceId), ("key", key));

    private Task InsertMembershipRowAsync(int port, int status, DateTime lastSeen) =>
        Sql.ExecuteAsync(_database, """
            INSERT INTO OrleansMembershipTable
                (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
            VALUES (@cluster, '127.0.0.1', @port, 1, 'gone', 'gone', @status, 0, @seen, @seen)
            """,
            ("cluster", _clusterId), ("port", port), ("status", status), ("seen", lastSeen));
}
