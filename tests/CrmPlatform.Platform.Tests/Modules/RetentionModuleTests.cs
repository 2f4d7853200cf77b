namespace CrmPlatform.Platform.Tests.Modules;

/// <summary>Retention (老客户维护, 跳槽分析) is registered with its schema (see <see cref="ModuleSchemaTests"/>); its features come with its issue.</summary>
public sealed class RetentionModuleTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public Task Until_its_features_land_it_serves_no_api_and_documents_none() => ModuleShell.ServesNothingAsync(app, "retention");
}
