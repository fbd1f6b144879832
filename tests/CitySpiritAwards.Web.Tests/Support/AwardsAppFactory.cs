using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Support;

/// <summary>
/// The whole site in embedded mode, in-process, with its own data folder. Pass the same
/// <paramref name="dataPath"/> to a second factory to see what survives a restart.
/// </summary>
public class AwardsAppFactory(IDictionary<string, string?>? settings = null, string? dataPath = null)
    : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string DataPath { get; } = dataPath ?? Path.Combine(Path.GetTempPath(), "csa-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Replaces services after the app registered its own, e.g. a fake <c>AwardsClock</c>.</summary>
    public Action<IServiceCollection>? ReplaceServices { get; init; }

    /// <summary>The host environment; anything but Development runs the production error handling and HSTS.</summary>
    public string Environment { get; init; } = "Testing";

    /// <summary>Delete the data folder on dispose (not when a test shares it with a later factory).</summary>
    public bool DeleteDataOnDispose { get; init; } = dataPath is null;

    /// <summary>A cron expression that never fires (31 February).</summary>
    public const string NeverCron = "0 0 31 2 *";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        // As Development does (dotnet run): a scoped service captured by a singleton fails every test, not just the README's command.
        builder.UseDefaultServiceProvider(options => { options.ValidateScopes = true; options.ValidateOnBuild = true; });
        builder.UseSetting("CitySpiritAwards:Mode", "Embedded");
        builder.UseSetting("CitySpiritAwards:DataPath", DataPath);
        // Test accounts vote minutes after they are made, from one address: the minutely fraud scan would hold their
        // votes at some moment of the test. It is off unless a test turns it on; fraud tests run the job themselves.
        builder.UseSetting("Fraud:Cron", NeverCron);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        if (ReplaceServices is not null)
            builder.ConfigureTestServices(ReplaceServices);
    }

    /// <summary>Where browsers send their requests: the in-memory server, or the address Kestrel listens on (<c>UseKestrel</c>).</summary>
    public Uri BrowserBaseAddress { get; set; } = new("http://localhost");

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests assert them).</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = BrowserBaseAddress,
    });

    public Task InitializeAsync()
    {
        _ = Server; // Start now, so a broken start fails in the fixture with its own message.
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (DeleteDataOnDispose && Directory.Exists(DataPath))
            Directory.Delete(DataPath, recursive: true);
    }
}
