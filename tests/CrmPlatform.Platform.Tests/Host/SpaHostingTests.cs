using System.Net;

namespace CrmPlatform.Platform.Tests.Host;

/// <summary>The host with a (tiny) SPA build to serve, as `./crm run` gives it frontend/dist.</summary>
public class SpaApp : CrmApp
{
    public const string IndexHtml = "<!doctype html><div id=\"root\"></div>";
    public const string Script = "console.log('crm')";

    public SpaApp()
    {
        Directory.CreateDirectory(Path.Combine(SpaRoot, "assets"));
        File.WriteAllText(Path.Combine(SpaRoot, "index.html"), IndexHtml);
        File.WriteAllText(Path.Combine(SpaRoot, "assets", "index-3f2a.js"), Script);
        File.WriteAllText(Path.Combine(SpaRoot, "favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    }

    public string SpaRoot { get; } = Path.Combine(Path.GetTempPath(), "crm-spa-" + Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(ExtraSettings)
    {
        ["Crm:MigrateOnStart"] = "false",
        ["Crm:SpaRoot"] = SpaRoot,
    };

    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();
}

public sealed class SpaHostingTests(SpaApp app) : IClassFixture<SpaApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/customers")]
    [InlineData("/customers/0199a1b2-0000-7000-8000-000000000001/edit")]
    public async Task The_app_and_every_client_side_route_serve_index_html_revalidated_on_each_load(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Headers.CacheControl!.NoCache.Should().BeTrue("a deploy must reach users on their next load");
        (await response.Content.ReadAsStringAsync()).Should().Be(SpaApp.IndexHtml);
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_and_other_files_are_revalidated()
    {
        using var anonymous = app.Anonymous();

        var script = await anonymous.GetAsync("/assets/index-3f2a.js");
        var icon = await anonymous.GetAsync("/favicon.svg");

        script.StatusCode.Should().Be(HttpStatusCode.OK);
        (await script.Content.ReadAsStringAsync()).Should().Be(SpaApp.Script);
        script.Headers.CacheControl!.ToString().Should().Contain("immutable").And.Contain("max-age=31536000");
        icon.StatusCode.Should().Be(HttpStatusCode.OK);
        icon.Headers.CacheControl!.NoCache.Should().BeTrue();
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api")]
    [InlineData("/health/nothing")]
    [InlineData("/assets/missing-1234.js")]
    public async Task Unknown_api_routes_and_missing_files_stay_404_problems_not_the_app(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_api_and_its_docs_are_still_served_beside_the_app()
    {
        using var anonymous = app.Anonymous();

        (await anonymous.GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}

public sealed class ApiOnlyHostingTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Without_a_spa_build_the_root_opens_the_api_docs()
    {
        using var anonymous = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/docs");
    }
}
