using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CrmPlatform.Testing;

/// <summary>
/// A throw-away PostgreSQL cluster (initdb + pg_ctl on a temp directory, as the 'postgres' user when
/// running as root) that a test may also kill and start again, as an outage would.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly bool RunAsPostgres = Environment.UserName == "root";
    private readonly string _bin;
    private readonly string _root;
    private readonly int _port;
    private readonly bool _durableCommits;

    private PostgresCluster(string bin, string root, int port, bool durableCommits)
    {
        _bin = bin;
        _root = root;
        _port = port;
        _durableCommits = durableCommits;
    }

    private string Data => Path.Combine(_root, "data");

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = "postgres", Database = database }.ConnectionString;

    /// <param name="durableCommits">
    /// Whether a commit is acknowledged only once its WAL reached the operating system, so it survives kill -9.
    /// Off by default for speed: with synchronous_commit=off a crash may lose the last acknowledged commits.
    /// </param>
    public static async Task<PostgresCluster> StartAsync(bool durableCommits = false)
    {
        var cluster = new PostgresCluster(FindPostgresBinaries(), Directory.CreateTempSubdirectory("crm-test-pg-").FullName, FreePort(), durableCommits);
        Directory.CreateDirectory(cluster.Data);
        if (RunAsPostgres)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", cluster._root], asPostgres: false);
        }

        await RunAsync(Path.Combine(cluster._bin, "initdb"), ["-D", cluster.Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], RunAsPostgres);
        await cluster.StartAgainAsync();
        return cluster;
    }

    /// <summary>
    /// Starts the stopped (or killed) server on the same port and data; returns once it accepts connections.
    /// fsync stays off in every mode: a killed process loses nothing the operating system already holds.
    /// </summary>
    public Task StartAgainAsync() =>
        RunAsync(
            Path.Combine(_bin, "pg_ctl"),
            ["-D", Data, "-l", Path.Combine(_root, "postgres.log"), "-w", "-t", "60", "-o",
             $"-p {_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_root} -c fsync=off -c synchronous_commit={(_durableCommits ? "on" : "off")} -c full_page_writes=off -c max_connections=300",
             "start"],
            RunAsPostgres);

    /// <summary>kill -9 of the postmaster and every backend: the server vanishes mid-work, as in a crash.</summary>
    public async Task KillAsync()
    {
        var postmaster = int.Parse((await File.ReadAllLinesAsync(Path.Combine(Data, "postmaster.pid")))[0], System.Globalization.CultureInfo.InvariantCulture);
        await RunAsync("/bin/sh", ["-c", $"kill -9 $(pgrep -P {postmaster}) {postmaster}; true"], asPostgres: false);
        // Gone once nothing listens on its port any more (the killed process may linger as a zombie).
        while (await AcceptsConnectionsAsync())
        {
            await Task.Delay(10);
        }
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, _port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = Process.Start(Command(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "stop"], RunAsPostgres));
        if (stop is not null)
        {
            await stop.WaitForExitAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    private static string FindPostgresBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin"))
            : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL server binaries (initdb) not found: run ./crm test, which installs them, or set CRM_TEST_CONNECTION.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string fileName, string[] arguments, bool asPostgres)
    {
        var start = Command(fileName, arguments, asPostgres);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    /// <summary>initdb and pg_ctl refuse to run as root, so as root they run as 'postgres'.</summary>
    private static ProcessStartInfo Command(string fileName, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : fileName) { UseShellExecute = false };
        foreach (var argument in asPostgres ? ["-u", "postgres", "--", fileName, .. arguments] : arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
