using Npgsql;

namespace CrmPlatform.Testing;

/// <summary>
/// Migrations and demo data are applied once, to a template database; each test class then gets
/// its own copy (CREATE DATABASE … TEMPLATE), so classes never see each other's rows.
/// </summary>
public static class TestDatabases
{
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    public static async Task<string> CreateAsync()
    {
        var server = await PostgresServer.Shared;
        var template = await Template.Value;
        var name = UniqueName("crm_test");
        await server.ExecuteAsync($"""CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY""");
        return server.ConnectionString(name);
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var server = await PostgresServer.Shared;
        var name = UniqueName("crm_template");
        // A fixed collation, so ordering assertions hold on any server given by CRM_TEST_CONNECTION.
        await server.ExecuteAsync($"""CREATE DATABASE "{name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'""");
        await using (var factory = new CrmApiFactory(server.ConnectionString(name), new Dictionary<string, string?> { ["CRM_SEED_DEMO"] = "true", ["CRM_DEMO_HISTORY"] = "false" }))
        {
            // Starting the host applies every module's migrations and seeds the demo organisation.
            factory.StartServer();
        }

        // A template must have no open connections when it is copied.
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
