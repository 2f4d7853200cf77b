using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CrmPlatform.Testing;

/// <summary>
/// A real PostgreSQL for the tests: the server named by CRM_TEST_CONNECTION, or else a throw-away
/// cluster (initdb + pg_ctl on a temp directory, as the 'postgres' user when running as root),
/// started once per test process and removed when it exits.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(StartAsync);

    private readonly NpgsqlConnectionStringBuilder _admin;

    private PostgresServer(NpgsqlConnectionStringBuilder admin) => _admin = admin;

    public static Task<PostgresServer> Shared => SharedServer.Value;

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_admin.ConnectionString) { Database = database, Pooling = true, NoResetOnClose = true }.ConnectionString;

    /// <summary>Runs server-level SQL (CREATE DATABASE …) on the maintenance database.</summary>
    public Task ExecuteAsync(string sql) => Sql.ExecuteAsync(_admin.ConnectionString, sql);

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("CRM_TEST_CONNECTION") is { Length: > 0 } given)
        {
            return new PostgresServer(new NpgsqlConnectionStringBuilder(given) { Database = "postgres" });
        }

        var binDirectory = FindPostgresBinaries();
        var root = Directory.CreateTempSubdirectory("crm-test-pg-").FullName;
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        var port = FreePort();
        var runAsPostgres = Environment.UserName == "root";
        if (runAsPostgres)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", root], asPostgres: false);
        }

        await RunAsync(Path.Combine(binDirectory, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], runAsPostgres);
        await RunAsync(
            Path.Combine(binDirectory, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "60", "-o",
             $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
             "start"],
            runAsPostgres);

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var stop = Process.Start(Command(Path.Combine(binDirectory, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], runAsPostgres));
            stop?.WaitForExit(10_000);
            Directory.Delete(root, recursive: true);
        };

        return new PostgresServer(new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
        });
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
