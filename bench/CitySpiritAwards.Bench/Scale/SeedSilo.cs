using CitySpiritAwards.Domain.Seeds;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CitySpiritAwards.Bench.Scale;

/// <summary>
/// This process as a temporary second silo of the site's cluster: the site's own wiring
/// (<see cref="Extensions.AddApplicationServices"/>) with the site's cluster settings and ports of its own, so nominations
/// are seeded through their grains (grain state, read-table row, outbox) exactly as the site stores them, without HTTP.
/// No endpoint is mapped. Stopped before anything is measured, and leaves the cluster as a silo that shuts down does.
/// </summary>
public sealed class SeedSilo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataPath;

    private SeedSilo(WebApplication app, string dataPath)
    {
        _app = app;
        _dataPath = dataPath;
    }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The site's consent links, made with the key ring every silo shares.</summary>
    public ConsentLinks ConsentLinks => _app.Services.GetRequiredService<ConsentLinks>();

    public SeedData Seeds => _app.Services.GetRequiredService<SeedData>();

    /// <param name="siteSettings">The site's settings (cluster mode, connection strings, fraud schedule: recurring jobs are declared again by every silo).</param>
    public static async Task<SeedSilo> StartAsync(IReadOnlyDictionary<string, string?> siteSettings)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "csa-seed-silo", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--urls", "http://127.0.0.1:0"],
            ContentRootPath = Path.Combine(RepositoryPaths.Root, "src", "CitySpiritAwards.Web"),
            EnvironmentName = Environments.Production,
        });
        var settings = siteSettings
            .Where(s => !s.Key.StartsWith("Bootstrap:", StringComparison.Ordinal) && !s.Key.StartsWith("Orleans:", StringComparison.Ordinal))
            .ToDictionary(s => s.Key, s => s.Value);
        settings["CitySpiritAwards:DataPath"] = dataPath;
        settings["CitySpiritAwards:SeedsPath"] = RepositoryPaths.Seeds;
        settings["CitySpiritAwards:MigrateOnStartup"] = "false"; // the site has made the schema
        settings["Orleans:SiloPort"] = LoopbackPort.Free().ToString();
        settings["Orleans:GatewayPort"] = LoopbackPort.Free().ToString();
        settings["Hangfire:WorkerCount"] = "1";
        foreach (var category in new[] { "Default", "Orleans", "Microsoft.AspNetCore", "Hangfire", "Polly", "Microsoft.EntityFrameworkCore" })
            settings[$"Logging:LogLevel:{category}"] = "Error"; // the site's own log says what matters
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddApplicationServices();
        var app = builder.Build();
        await app.StartAsync();
        return new SeedSilo(app, dataPath);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(_dataPath))
            Directory.Delete(_dataPath, recursive: true);
    }
}
