using System.Diagnostics;

namespace CitySpiritAwards.Testing;

/// <summary>
/// The built site (CitySpiritAwards.Web.dll of the caller's configuration) as a process of its own on a free 127.0.0.1
/// port, environment Production, a fresh data folder, as a person or a load generator meets it. Used where a test needs
/// what an in-process host cannot give: a real browser, a SIGKILL, the site's own CPU and memory.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new(); // for the message when the site fails

    private SiteProcess(Process process, Uri address, string dataPath)
    {
        _process = process;
        Address = address;
        DataPath = dataPath;
    }

    public Uri Address { get; }

    public string DataPath { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the site with <paramref name="settings"/> (configuration keys, e.g. "CitySpiritAwards:Mode") and waits until /health/ready.</summary>
    public static async Task<SiteProcess> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var port = LoopbackPort.Free();
        var dataPath = Path.Combine(Path.GetTempPath(), "csa-site", Guid.NewGuid().ToString("N"));
        var webProject = Path.Combine(RepositoryPaths.Root, "src", "CitySpiritAwards.Web");
        // The same configuration as the caller (bin/Debug or bin/Release).
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(webProject, "bin", configuration, "net10.0", "CitySpiritAwards.Web.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} is missing: build the solution in {configuration} first.");

        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", webProject])
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["CitySpiritAwards__DataPath"] = dataPath,
                ["Orleans__SiloPort"] = LoopbackPort.Free().ToString(),
                ["Orleans__GatewayPort"] = LoopbackPort.Free().ToString(),
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var site = new SiteProcess(process, new Uri($"http://127.0.0.1:{port}"), dataPath);
        // An exit or Ctrl+C without disposing must not leave the site running.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => site.KillQuietly();
        Console.CancelKeyPress += (_, _) => site.KillQuietly();
        process.OutputDataReceived += (_, line) => site.Remember(line.Data);
        process.ErrorDataReceived += (_, line) => site.Remember(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await site.WaitUntilReadyAsync();
        return site;
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing; nothing in it gets to flush or say goodbye.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
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

    /// <summary>The last lines the site printed.</summary>
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
                throw new InvalidOperationException($"The site exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{LastLines()}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // not listening yet, or starting slowly
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The site at {Address} was not ready within 120 seconds:{Environment.NewLine}{LastLines()}");
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
            await KillAsync();
        _process.Dispose();
        if (Directory.Exists(DataPath))
            Directory.Delete(DataPath, recursive: true);
    }
}
