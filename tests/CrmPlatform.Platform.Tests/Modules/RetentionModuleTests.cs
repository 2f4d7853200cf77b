namespace CrmPlatform.Platform.Tests.Modules;

/// <summary>The Retention module is registered with its own schema, history table, outbox and inbox.</summary>
public sealed class RetentionModuleTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public Task Its_schema_is_migrated() => ModuleSchema.ShouldBeMigratedAsync(app, "retention");
}
