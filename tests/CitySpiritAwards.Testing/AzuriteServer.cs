using System.Diagnostics;
using System.Text;

namespace CitySpiritAwards.Testing;

/// <summary>
/// Azurite's blob service for a test run, on 127.0.0.1 and a free port, storing into a temporary folder.
/// The launcher is <c>$AZURITE_BLOB</c>, else <c>infra/local/node_modules/.bin/azurite-blob</c>.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's fixed development account (public, documented; not a secret).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly StringBuilder _output = new();
    private readonly string _launcher;
    private Process? _process;
    private Process? _watchdog;

    public AzuriteServer()
    {
        var configured = Environment.GetEnvironmentVariable("AZURITE_BLOB");
        _launcher = string.IsNullOrWhiteSpace(configured) ? RepositoryPaths.AzuriteBlob : configured;
        DataFolder = Path.Combine(Path.GetTempPath(), $"csa-azurite-{Guid.NewGuid():N}");
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public string DataFolder { get; }

    public int Port { get; private set; }

    private string PidFile => Path.Combine(DataFolder, "azurite.pid");

    public Uri BlobEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    /// <summary>A storage connection string for the development account on this server.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    /// <summary>Starts the blob service and waits until its port accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_process is { HasExited: false })
            return;
        if (!File.Exists(_launcher))
            throw new InvalidOperationException($"Azurite was not found at {_launcher}. {ChildProcess.InstallHint}");
        Directory.CreateDirectory(DataFolder);
        await File.WriteAllTextAsync(Path.Combine(DataFolder, ChildProcess.OwnerPidFile), Environment.ProcessId.ToString(), cancellationToken);

        // The pid files let the watchdog (and ./build.sh, after an aborted run) find this server.
        var pidFile = ChildProcess.ShellQuote(PidFile);
        _watchdog ??= ChildProcess.StartWatchdog(
            $"p=$(cat {pidFile} 2>/dev/null) && grep -q azurite /proc/$p/cmdline 2>/dev/null && " +
            "{ kill $p; for i in 1 2 3 4 5; do [ -d /proc/$p ] || break; sleep 1; done; kill -9 $p 2>/dev/null; }; " +
            $"rm -rf {ChildProcess.ShellQuote(DataFolder)}");

        // A free port can be taken between choosing and binding it; try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = LoopbackPort.Free();
            _process = Launch();
            await File.WriteAllTextAsync(PidFile, _process.Id.ToString(), cancellationToken);
            if (await WaitUntilListeningAsync(_process, cancellationToken))
                break;
            Kill(_process);
            if (attempt == 3)
                throw new InvalidOperationException($"Azurite did not start on 127.0.0.1:{Port}.{Environment.NewLine}{Output}");
        }
    }

    /// <summary>Stops the blob service; <see cref="StartAsync"/> starts it again (on a new port) with the same data.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
            return;
        Kill(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await StopAsync();
        ChildProcess.StopWatchdog(_watchdog);
        _watchdog = null;
        ChildProcess.DeleteFolder(DataFolder);
    }

    private string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    private Process Launch()
    {
        var startInfo = new ProcessStartInfo(_launcher)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(), "--location", DataFolder,
            "--skipApiVersionCheck", "--loose", "--silent",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not run {_launcher} (is Node.js installed?). {ChildProcess.InstallHint}", exception);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<bool> WaitUntilListeningAsync(Process process, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                return false;
            if (await ChildProcess.AcceptsConnectionsAsync(Port, cancellationToken))
                return true;
            await Task.Delay(100, cancellationToken);
        }
        return false;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (_process is not null)
            Kill(_process);
    }
}
