namespace CrmPlatform.Platform.Tests.Modules;

/// <summary>Referrals (老客户转介绍) is registered with its schema (see <see cref="ModuleSchemaTests"/>); its features come with its issue.</summary>
public sealed class ReferralsModuleTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public Task Until_its_features_land_it_serves_no_api_and_documents_none() => ModuleShell.ServesNothingAsync(app, "referrals");
}
