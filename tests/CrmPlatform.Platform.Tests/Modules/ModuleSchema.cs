using Npgsql;

namespace CrmPlatform.Platform.Tests.Modules;

/// <summary>What every registered module owns in the database once migrations have run.</summary>
internal static class ModuleSchema
{
    public static async Task ShouldBeMigratedAsync(CrmApp app, string schema)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT array_agg(table_name::text ORDER BY table_name)
            FROM information_schema.tables WHERE table_schema = @schema
            """,
            connection);
        command.Parameters.AddWithValue("schema", schema);
        var tables = (string[]?)await command.ExecuteScalarAsync() ?? [];

        tables.Should().Contain(["__ef_migrations_history", "outbox_messages", "inbox_messages"], $"schema '{schema}' is the module's own");
    }
}
