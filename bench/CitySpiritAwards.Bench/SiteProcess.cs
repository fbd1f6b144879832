using System.Diagnostics;
using CitySpiritAwards.Testing;

namespace CitySpiritAwards.Bench;

/// <summary>The built site (Release CitySpiritAwards.Web.dll) as its own process on 127.0.0.1, in cluster mode.</summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private SiteProcess(Process process, Uri address, string dataPath)
    {
        _process = process;
        Address = address;
        DataPath = dataPath;
    }

    public Uri Address { get; }

    public string DataPath { get; }

    public int ProcessId => _process.Id;

    public static async Task<SiteProcess> StartAsync(IDictionary<string, string> settings)
    {
        var port = LoopbackPort.Free();
        var dataPath = Path.Combine(Path.GetTempPath(), "csa-bench", Guid.NewGuid().ToString("N"));
        var webProject = Path.Combine(RepositoryPaths.Root, "src", "CitySpiritAwards.Web");
        var dll = Path.Combine(webProject, "bin", "Release", "net10.0", "CitySpiritAwards.Web.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} is missing: build in Release first (./build.sh bench does).");

        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", webProject])
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["CitySpiritAwards__DataPath"] = dataPath,
                ["Logging__LogLevel__Default"] = "Warning",
                ["Orleans__SiloPort"] = LoopbackPort.Free().ToString(),
                ["Orleans__GatewayPort"] = LoopbackPort.Free().ToString(),
            },
        };
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var site = new SiteProcess(process, new Uri($"http://127.0.0.1:{port}"), dataPath);
        // Ctrl+C or an exit without disposing must not leave the site running.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => site.KillQuietly();
        Console.CancelKeyPress += (_, _) => site.KillQuietly();
        process.OutputDataReceived += (_, line) => site.Remember(line.Data);
        process.ErrorDataReceived += (_, line) => site.Remember(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await site.WaitUntilReadyAsync();
        return site;
    }

    /// <summary>The site's resident memory (VmRSS), in MiB.</summary>
    public double WorkingSetMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        }
        return 0;
    }

    /// <summary>CPU time the site has used so far (user + system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public string LastLines()
    {
        lock (_lastLines)
            return string.Join(Environment.NewLine, _lastLines);
    }

    private void Remember(string? line)
    {
        if (line is null)
            return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 60)
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
                throw new InvalidOperationException($"The site exited with code {_process.ExitCode}:{Environment.NewLine}{LastLines()}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // not ready yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The site was not ready within 120 seconds:{Environment.NewLine}{LastLines()}");
    }

    private void KillQuietly()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
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
