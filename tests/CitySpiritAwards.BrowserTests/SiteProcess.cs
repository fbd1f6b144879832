using System.Diagnostics;
using CitySpiritAwards.Testing;

namespace CitySpiritAwards.BrowserTests;

/// <summary>
/// The site as a person meets it: its own process (the built CitySpiritAwards.Web.dll) on Kestrel at a free
/// 127.0.0.1 port, embedded mode, a fresh data folder, a bootstrap administrator.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "Browser-admin-1";

    private readonly Process _process;

    private SiteProcess(Process process, Uri address, string dataPath)
    {
        _process = process;
        Address = address;
        DataPath = dataPath;
    }

    public Uri Address { get; }

    public string DataPath { get; }

    public static async Task<SiteProcess> StartAsync()
    {
        var port = LoopbackPort.Free();
        var dataPath = Path.Combine(Path.GetTempPath(), "csa-browser", Guid.NewGuid().ToString("N"));
        var webProject = Path.Combine(RepositoryPaths.Root, "src", "CitySpiritAwards.Web");
        // Same configuration as this test assembly (bin/Debug or bin/Release).
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
                ["CitySpiritAwards__DataPath"] = dataPath,
                ["Bootstrap__AdminEmail"] = AdminEmail,
                ["Bootstrap__AdminPassword"] = AdminPassword,
                ["Account__SignupPermitLimit"] = "1000",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var site = new SiteProcess(process, new Uri($"http://127.0.0.1:{port}"), dataPath);
        process.OutputDataReceived += (_, line) => site.Remember(line.Data);
        process.ErrorDataReceived += (_, line) => site.Remember(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await site.WaitUntilReadyAsync();
        return site;
    }

    // The last lines the site printed, for the message when it fails to start.
    private readonly Queue<string> _lastLines = new();

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

    private string LastLines()
    {
        lock (_lastLines)
            return string.Join(Environment.NewLine, _lastLines);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The site exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{LastLines()}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The site at {Address} was not ready within 90 seconds:{Environment.NewLine}{LastLines()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(DataPath))
            Directory.Delete(DataPath, recursive: true);
    }
}
