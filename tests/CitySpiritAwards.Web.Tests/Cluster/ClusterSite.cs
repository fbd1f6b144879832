using System.Net;
using System.Net.Sockets;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Cluster;

/// <summary>
/// Two instances of the site in cluster mode, sharing one real PostgreSQL database and one Azurite,
/// each co-hosting its own silo on its own ports: the smallest real cluster.
/// </summary>
/// <param name="settings">Settings for every instance on top of the cluster ones (e.g. raised rate limits).</param>
/// <param name="replaceServices">Services replaced in every instance (e.g. one fake awards clock shared by both).</param>
public sealed class ClusterSite(
    ServersFixture servers,
    IDictionary<string, string?>? settings = null,
    Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? replaceServices = null) : IAsyncLifetime
{
    public const string AdminEmail = "chief@example.org";
    public const string AdminPassword = "Cluster-admin-1";

    public AwardsAppFactory First { get; private set; } = null!;
    public AwardsAppFactory Second { get; private set; } = null!;

    /// <summary>Start only <see cref="First"/>, for tests that add their own instance or process.</summary>
    public bool FirstOnly { get; init; }

    public string PostgresConnectionString { get; private set; } = "";

    /// <summary>Blob storage of the test's own (e.g. a private Azurite it stops) instead of the shared one.</summary>
    public string? BlobConnectionString { get; init; }

    public async Task InitializeAsync()
    {
        PostgresConnectionString = await servers.Postgres.CreateDatabaseAsync();
        First = Instance();
        await First.InitializeAsync();
        if (FirstOnly)
            return;
        Second = Instance();
        await Second.InitializeAsync();
    }

    public AwardsAppFactory Instance() => new(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
    {
        ["CitySpiritAwards:Mode"] = "Cluster",
        ["ConnectionStrings:Postgres"] = PostgresConnectionString,
        ["ConnectionStrings:Blobs"] = BlobConnectionString ?? servers.Azurite.ConnectionString,
        ["Orleans:SiloPort"] = FreePort().ToString(),
        ["Orleans:GatewayPort"] = FreePort().ToString(),
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = AdminPassword,
    })
    {
        ReplaceServices = replaceServices,
    };

    public async Task DisposeAsync()
    {
        if (Second is not null)
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
