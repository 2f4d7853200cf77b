namespace CrmPlatform.Platform.Tests.Modules;

/// <summary>What every registered module owns in the database once migrations have run.</summary>
internal static class ModuleSchema
{
    public static async Task ShouldBeMigratedAsync(CrmApp app, string schema)
    {
        var tables = await Sql.ScalarAsync<string[]>(
            app.ConnectionString,
            "SELECT coalesce(array_agg(table_name::text ORDER BY table_name), '{}') FROM information_schema.tables WHERE table_schema = @schema",
            ("schema", schema));

        tables.Should().Contain(["__ef_migrations_history", "outbox_messages", "inbox_messages"], $"schema '{schema}' is the module's own");
    }
}
