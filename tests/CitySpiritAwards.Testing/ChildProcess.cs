using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CitySpiritAwards.Testing;

/// <summary>Small helpers for the servers the tests start: run a command, pick a free port, clean up if the test process dies.</summary>
internal static class ChildProcess
{
    /// <summary>Written into each server's temporary folder: the id of the test process that owns the server.</summary>
    public const string OwnerPidFile = "owner.pid";

    public const string InstallHint = "Run ./build.sh test, which installs PostgreSQL and Azurite.";

    /// <summary>Runs a command to completion; throws with its output when it fails or takes longer than <paramref name="timeout"/>.</summary>
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            await Task.WhenAll(stdout, stderr).WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(startInfo)} did not finish within {timeout}.{Environment.NewLine}{output}");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Describe(startInfo)} failed with exit code {process.ExitCode}.{Environment.NewLine}{output}");
        return output.ToString();
    }

    /// <summary>Whether something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Starts a detached shell that waits for this test process to end and then runs <paramref name="cleanup"/>:
    /// servers started by the tests do not outlive a test run that was killed before it could dispose them.
    /// Kill the returned process after a normal shutdown.
    /// </summary>
    public static Process StartWatchdog(string cleanup)
    {
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {cleanup}";
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            // Redirected so the watchdog holds none of the test host's own output streams open.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(script);
        return Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the cleanup watchdog.");
    }

    public static void StopWatchdog(Process? watchdog)
    {
        if (watchdog is null)
            return;
        try
        {
            if (!watchdog.HasExited)
                watchdog.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        watchdog.Dispose();
    }

    /// <summary>Quotes a value for a POSIX shell command line.</summary>
    public static string ShellQuote(string value) => "'" + value.Replace("'", "'\"'\"'") + "'";

    public static void DeleteFolder(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                    Directory.Delete(path, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                // A server may still be closing files; try again shortly.
                Thread.Sleep(200);
            }
        }
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
                output.AppendLine(line);
        }
    }

    private static string Describe(ProcessStartInfo startInfo) =>
        $"'{startInfo.FileName} {string.Join(' ', startInfo.ArgumentList)}'";
}
