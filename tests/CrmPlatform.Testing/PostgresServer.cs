using Npgsql;

namespace CrmPlatform.Testing;

/// <summary>
/// A real PostgreSQL for the tests: the server named by CRM_TEST_CONNECTION, or else a throw-away
/// <see cref="PostgresCluster"/>, started once per test process and removed when it exits.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(StartAsync);

    private readonly NpgsqlConnectionStringBuilder _admin;

    private PostgresServer(string admin) => _admin = new NpgsqlConnectionStringBuilder(admin) { Database = "postgres" };

    public static Task<PostgresServer> Shared => SharedServer.Value;

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_admin.ConnectionString) { Database = database, Pooling = true, NoResetOnClose = true }.ConnectionString;

    /// <summary>Runs server-level SQL (CREATE DATABASE …) on the maintenance database.</summary>
    public Task ExecuteAsync(string sql) => Sql.ExecuteAsync(_admin.ConnectionString, sql);

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("CRM_TEST_CONNECTION") is { Length: > 0 } given)
        {
            return new PostgresServer(given);
        }

        var cluster = await PostgresCluster.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return new PostgresServer(cluster.ConnectionString());
    }
}
