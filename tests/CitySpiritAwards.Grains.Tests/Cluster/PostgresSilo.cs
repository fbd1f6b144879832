using System.Net;
using CitySpiritAwards.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Storage;

namespace CitySpiritAwards.Grains.Tests.Cluster;

/// <summary>
/// A real silo in this process, configured like a cluster-mode site: ADO.NET clustering, grain storage and
/// reminders on PostgreSQL (invariant "Npgsql"), TCP endpoints on 127.0.0.1 free ports.
/// </summary>
public sealed class PostgresSilo : IAsyncDisposable
{
    public const string Invariant = "Npgsql";
    public const string ServiceId = "probe-service";

    private readonly IHost _host;

    private PostgresSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>This silo's own, current view of the cluster.</summary>
    public ClusterMembershipSnapshot Membership => Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot;

    public static async Task<PostgresSilo> StartAsync(string connectionString, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, LoopbackPort.Free(), LoopbackPort.Free());
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(ProbeGrain.StorageName, options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
            });
            silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new PostgresSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
