namespace CrmPlatform.Platform.Tests.Modules;

/// <summary>The Deals module is registered with its own schema, history table, outbox and inbox.</summary>
public sealed class DealsModuleTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public Task Its_schema_is_migrated() => ModuleSchema.ShouldBeMigratedAsync(app, "deals");
}
