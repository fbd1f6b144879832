using System.Net;
using System.Net.Sockets;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Cluster;

/// <summary>
/// Two instances of the site in cluster mode, sharing one real PostgreSQL database and one Azurite,
/// each co-hosting its own silo on its own ports: the smallest real cluster.
/// </summary>
public sealed class ClusterSite(ServersFixture servers) : IAsyncLifetime
{
    public const string AdminEmail = "chief@example.org";
    public const string AdminPassword = "Cluster-admin-1";

    public AwardsAppFactory First { get; private set; } = null!;
    public AwardsAppFactory Second { get; private set; } = null!;
    public string PostgresConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        PostgresConnectionString = await servers.Postgres.CreateDatabaseAsync();
        First = Instance();
        await First.InitializeAsync();
        Second = Instance();
        await Second.InitializeAsync();
    }

    public AwardsAppFactory Instance() => new(new Dictionary<string, string?>
    {
        ["CitySpiritAwards:Mode"] = "Cluster",
        ["ConnectionStrings:Postgres"] = PostgresConnectionString,
        ["ConnectionStrings:Blobs"] = servers.Azurite.ConnectionString,
        ["Orleans:SiloPort"] = FreePort().ToString(),
        ["Orleans:GatewayPort"] = FreePort().ToString(),
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = AdminPassword,
    });

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Second).DisposeAsync();
        await ((IAsyncLifetime)First).DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
