using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace CitySpiritAwards.Testing;

/// <summary>
/// A private PostgreSQL server for a test run: a fresh cluster in a temporary folder, listening on
/// 127.0.0.1 only, on a free port, trusting local connections as user <c>postgres</c>. It keeps its
/// port across <see cref="StopAsync"/>/<see cref="StartAsync"/>, so connection strings survive a restart.
/// </summary>
/// <remarks>
/// Binaries come from <c>$PG_BIN</c>, else the newest <c>/usr/lib/postgresql/*/bin</c>, else <c>PATH</c>.
/// When the tests run as root the server runs as the <c>postgres</c> user (initdb refuses root) via <c>runuser</c>.
/// </remarks>
public sealed partial class PostgresServer : IAsyncDisposable
{
    public const string User = "postgres";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _binaries;
    private readonly bool _asRoot = Environment.IsPrivilegedProcess;
    private Process? _watchdog;
    private bool _initialized;
    private bool _disposed;

    public PostgresServer()
    {
        _binaries = FindBinaries();
        // As root the server runs as 'postgres', which must reach the folder: use /tmp rather than a private TMPDIR.
        var tempRoot = _asRoot ? "/tmp" : Path.GetTempPath();
        RootFolder = Path.Combine(tempRoot, $"csa-pg-{Guid.NewGuid():N}");
        Port = LoopbackPort.Free();
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The temporary folder holding the cluster (<c>data/</c>), its log and its unix socket.</summary>
    public string RootFolder { get; }

    public string DataFolder => Path.Combine(RootFolder, "data");

    public string LogFile => Path.Combine(RootFolder, "postgres.log");

    public int Port { get; }

    public bool IsRunning { get; private set; }

    /// <summary>A connection string for the maintenance database <c>postgres</c>.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>Creates the cluster on first use, then starts the server and waits until it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (IsRunning)
                return;
            if (!_initialized)
            {
                await InitializeClusterAsync(cancellationToken);
                _initialized = true;
            }

            await PgCtlAsync(cancellationToken, "start", "-D", DataFolder, "-l", LogFile, "-w", "-t", "60");
            IsRunning = true;
            await WaitUntilReadyAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not ObjectDisposedException)
        {
            throw new InvalidOperationException($"PostgreSQL did not start on 127.0.0.1:{Port}.{Environment.NewLine}{ReadLogTail()}", exception);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the server: a fast shutdown, or an immediate one (like a crash, recovery on the next start).</summary>
    public async Task StopAsync(bool immediate = false, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!IsRunning)
                return;
            await PgCtlAsync(cancellationToken, "stop", "-D", DataFolder, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60");
            IsRunning = false;
            NpgsqlConnection.ClearAllPools();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Creates a database and returns a connection string for it.</summary>
    /// <param name="name">Lower-case letters, digits and underscores; a unique name when omitted.</param>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        name ??= $"test_{Guid.NewGuid():N}";
        if (!DatabaseName().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a plain database name (a-z, 0-9, _; at most 63 characters).", nameof(name));

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Runs <c>infra/sql/postgresql/orleans.sql</c> against the database (idempotent).</summary>
    public async Task ApplyOrleansSchemaAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var script = await File.ReadAllTextAsync(RepositoryPaths.OrleansPostgresSchema, cancellationToken);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(script, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Database = database,
        IncludeErrorDetail = true,
        Timeout = 15,
    }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (_disposed)
            return;
        try
        {
            await StopAsync(immediate: true);
        }
        finally
        {
            _disposed = true;
            ChildProcess.StopWatchdog(_watchdog);
            _watchdog = null;
            ChildProcess.DeleteFolder(RootFolder);
            _gate.Dispose();
        }
    }

    private async Task InitializeClusterAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(RootFolder);
        await File.WriteAllTextAsync(Path.Combine(RootFolder, ChildProcess.OwnerPidFile), Environment.ProcessId.ToString(), cancellationToken);
        if (_asRoot)
            await ChildProcess.RunAsync("chown", [$"{User}:", RootFolder], CommandTimeout, cancellationToken);
        _watchdog ??= ChildProcess.StartWatchdog(
            $"{string.Join(' ', AsServerUser(Path.Combine(_binaries, "pg_ctl"), "stop", "-D", DataFolder, "-m", "immediate").Select(ChildProcess.ShellQuote))} >/dev/null 2>&1; " +
            $"rm -rf {ChildProcess.ShellQuote(RootFolder)}");

        string[] initdb = ["-D", DataFolder, "-U", User, "-A", "trust", "-E", "UTF8", "--no-sync"];
        try
        {
            await RunAsServerUserAsync("initdb", [.. initdb, "--locale=C.UTF-8"], cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // C.UTF-8 is not installed everywhere; the C locale always is.
            ChildProcess.DeleteFolder(DataFolder);
            await RunAsServerUserAsync("initdb", [.. initdb, "--locale=C"], cancellationToken);
        }

        // Appended settings win over the defaults above them. fsync = off trades durability against an OS crash for
        // speed (the cluster is thrown away); a server crash or immediate stop loses no committed transaction.
        await File.AppendAllTextAsync(Path.Combine(DataFolder, "postgresql.conf"), $"""

            # City Spirit Awards test server
            listen_addresses = '127.0.0.1'
            port = {Port}
            unix_socket_directories = '{RootFolder}'
            max_connections = 300
            fsync = off
            full_page_writes = off
            log_min_messages = warning
            """, cancellationToken);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString + ";Pooling=false");
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private Task<string> PgCtlAsync(CancellationToken cancellationToken, params string[] arguments) =>
        RunAsServerUserAsync("pg_ctl", arguments, cancellationToken);

    private Task<string> RunAsServerUserAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var command = AsServerUser(Path.Combine(_binaries, tool), arguments);
        return ChildProcess.RunAsync(command[0], command[1..], CommandTimeout, cancellationToken);
    }

    private string[] AsServerUser(string executable, params string[] arguments) =>
        _asRoot ? [Runuser(), "-u", User, "--", executable, .. arguments] : [executable, .. arguments];

    private static string Runuser() => File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "runuser";

    private void OnProcessExit(object? sender, EventArgs e)
    {
        // The test host is exiting without having disposed the server: stop it now, synchronously.
        if (!IsRunning)
            return;
        try
        {
            var command = AsServerUser(Path.Combine(_binaries, "pg_ctl"), "stop", "-D", DataFolder, "-m", "immediate");
            using var process = Process.Start(new ProcessStartInfo(command[0], command[1..]) { UseShellExecute = false });
            process?.WaitForExit(10_000);
        }
        catch (Exception)
        {
            // Best effort; the watchdog cleans up too.
        }
    }

    private string ReadLogTail()
    {
        try
        {
            return File.Exists(LogFile) ? string.Join(Environment.NewLine, File.ReadLines(LogFile).TakeLast(30)) : "(no server log)";
        }
        catch (IOException)
        {
            return "(server log unreadable)";
        }
    }

    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb"))
                ? configured
                : throw new InvalidOperationException($"PG_BIN is '{configured}', but it has no initdb. {ChildProcess.InstallHint}");
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(folder => (Folder: folder, Version: int.TryParse(Path.GetFileName(folder), out var v) ? v : -1))
                .Where(candidate => File.Exists(Path.Combine(candidate.Folder, "bin", "initdb")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => Path.Combine(candidate.Folder, "bin"))
                .FirstOrDefault();
            if (newest is not null)
                return newest;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")));
        return onPath ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries (initdb, pg_ctl) were not found in $PG_BIN, {debianRoot}/*/bin or PATH. {ChildProcess.InstallHint}");
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
