namespace CrmPlatform.Platform.Tests.Modules;

/// <summary>Every registered module owns its schema, with its own migrations history, outbox and inbox.</summary>
public sealed class ModuleSchemaTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Theory]
    [InlineData("customers")]
    [InlineData("deals")]
    [InlineData("visits")]
    [InlineData("complaints")]
    [InlineData("retention")]
    [InlineData("referrals")]
    public async Task Its_schema_is_migrated(string schema)
    {
        var tables = await Sql.ScalarAsync<string[]>(
            app.ConnectionString,
            "SELECT coalesce(array_agg(table_name::text ORDER BY table_name), '{}') FROM information_schema.tables WHERE table_schema = @schema",
            ("schema", schema));

        tables.Should().Contain(["__ef_migrations_history", "outbox_messages", "inbox_messages"], $"schema '{schema}' is the module's own");
    }
}
