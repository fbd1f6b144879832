using System.Diagnostics;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Voting;

/// <summary>
/// The built site (CitySpiritAwards.Web.dll) as a process of its own on a free 127.0.0.1 port, in cluster mode, so a
/// test can kill it with SIGKILL — nothing in it gets to flush or say goodbye.
/// </summary>
public sealed class SiteChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private SiteChild(Process process, Uri address, string dataPath)
    {
        _process = process;
        Address = address;
        DataPath = dataPath;
    }

    public Uri Address { get; }

    public string DataPath { get; }

    public static async Task<SiteChild> StartClusterAsync(string postgres, string blobs, IDictionary<string, string?> settings)
    {
        var port = LoopbackPort.Free();
        var dataPath = Path.Combine(Path.GetTempPath(), "csa-child", Guid.NewGuid().ToString("N"));
        var webProject = Path.Combine(RepositoryPaths.Root, "src", "CitySpiritAwards.Web");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(webProject, "bin", configuration, "net10.0", "CitySpiritAwards.Web.dll");

        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", webProject])
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["CitySpiritAwards__Mode"] = "Cluster",
                ["CitySpiritAwards__DataPath"] = dataPath,
                ["CitySpiritAwards__SeedDemo"] = "false",
                ["ConnectionStrings__Postgres"] = postgres,
                ["ConnectionStrings__Blobs"] = blobs,
                ["Orleans__SiloPort"] = LoopbackPort.Free().ToString(),
                ["Orleans__GatewayPort"] = LoopbackPort.Free().ToString(),
                ["Logging__LogLevel__Default"] = "Warning",
                ["Fraud__Cron"] = AwardsAppFactory.NeverCron, // as in every test site (see AwardsAppFactory)
            },
        };
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var child = new SiteChild(process, new Uri($"http://127.0.0.1:{port}"), dataPath);
        process.OutputDataReceived += (_, line) => child.Remember(line.Data);
        process.ErrorDataReceived += (_, line) => child.Remember(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await child.WaitUntilReadyAsync();
        return child;
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private void Remember(string? line)
    {
        if (line is null)
            return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
                _lastLines.Dequeue();
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The site exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{string.Join(Environment.NewLine, _lastLines)}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // starting slowly
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The site at {Address} was not ready within 120 seconds.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await KillAsync();
        _process.Dispose();
        if (Directory.Exists(DataPath))
            Directory.Delete(DataPath, recursive: true);
    }
}
