using System.Net;
using System.Net.Sockets;
using CitySpiritAwards.Abstractions.Serialization;
using CitySpiritAwards.Grains.Storage;
using CitySpiritAwards.Grains.Time;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Dashboard;
using Orleans.Storage;

namespace CitySpiritAwards.Web.Hosting;

/// <summary>The co-hosted Orleans silo: local files when embedded, PostgreSQL (ADO.NET providers) in a cluster.</summary>
public static class OrleansHosting
{
    private const string Invariant = "Npgsql";

    public static void AddAwardsOrleans(this WebApplicationBuilder builder, HostingOptions hosting)
    {
        var orleans = builder.Configuration.GetSection("Orleans");
        builder.UseOrleans(silo =>
        {
            silo.Services.AddSerializer(serializer => serializer.AddDomainTypes());
            silo.Services.AddSingleton(AwardsClock.System);
            // One storage serializer for both modes: Orleans' own format, with domain records as JSON inside.
            silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = orleans["ClusterId"] ?? "city-spirit-awards";
                options.ServiceId = orleans["ServiceId"] ?? "city-spirit-awards";
            });

            if (hosting.IsEmbedded)
            {
                // A single silo; its ports only need to be free, so several embedded sites (and tests) can run side by side.
                silo.UseLocalhostClustering(PortOrFree(orleans, "SiloPort"), PortOrFree(orleans, "GatewayPort"));
                silo.Services.AddFileGrainStorage(StorageNames.Awards, options => options.RootDirectory = hosting.DataFolder("grains"));
            }
            else
            {
                var connectionString = HostingOptions.PostgresConnectionString(builder.Configuration);
                silo.ConfigureEndpoints(
                    IPAddress.Parse(orleans["AdvertisedIP"] ?? "127.0.0.1"),
                    PortOrFree(orleans, "SiloPort"),
                    PortOrFree(orleans, "GatewayPort"),
                    listenOnAnyHostAddress: orleans.GetValue("ListenOnAnyHostAddress", false));
                silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                });
                silo.ConfigureClusterMembership(builder.Configuration);
                silo.UseKubernetesWhenConfigured(builder.Configuration);
                silo.AddAdoNetGrainStorage(StorageNames.Awards, options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = connectionString;
                });
            }

            silo.AddDashboard();
        });
    }

    private static int PortOrFree(IConfiguration orleans, string key)
    {
        var configured = orleans.GetValue<int?>(key);
        if (configured is > 0)
            return configured.Value;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
