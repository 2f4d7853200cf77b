using System.Net;
using System.Text.Json.Nodes;

namespace CrmPlatform.Platform.Tests.Modules;

/// <summary>
/// A module registered before its features (its schema only): it answers nothing under its path and the API's document
/// lists nothing of it, which is what the SPA's "not available yet" page and integrators rely on.
/// </summary>
internal static class ModuleShell
{
    public static async Task ServesNothingAsync(CrmApp app, string path)
    {
        var client = await app.LoginAsync(DemoUsers.Director);
        (await client.GetAsync($"/api/v1/{path}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var document = JsonNode.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        document["paths"]!.AsObject().Select(p => p.Key).Should().NotContain(p => p.StartsWith($"/api/v1/{path}", StringComparison.Ordinal));
    }
}
