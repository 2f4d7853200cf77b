using System.Net;

namespace CrmPlatform.Platform.Tests.BuildingBlocks;

/// <summary>Errors the framework writes itself look like ours: problem+json with a type and a code.</summary>
public sealed class ProblemConventionsTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Theory]
    [InlineData("GET", "/api/v2/customers", null, HttpStatusCode.NotFound, "not_found")]
    [InlineData("GET", "/api/v1/nothing-here", null, HttpStatusCode.NotFound, "not_found")]
    [InlineData("POST", "/api/v1/customers", "text/plain", HttpStatusCode.UnsupportedMediaType, "unsupported_media_type")]
    public async Task Routing_and_content_errors_are_problems_with_a_code(string method, string url, string? contentType, HttpStatusCode status, string code)
    {
        var client = await app.LoginAsync(DemoUsers.RepEast);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (contentType is not null)
        {
            request.Content = new StringContent("x", System.Text.Encoding.UTF8, contentType);
        }

        var problem = await (await client.SendAsync(request)).ShouldBeProblemAsync(status);

        problem.GetProperty("code").GetString().Should().Be(code);
        problem.GetProperty("type").GetString().Should().Be("urn:crm:problem:" + code);
        problem.TryGetProperty("traceId", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Responses_report_the_supported_api_versions()
    {
        var client = await app.LoginAsync(DemoUsers.RepEast);

        var response = await client.GetAsync("/api/v1/customers");

        response.Headers.GetValues("api-supported-versions").Should().Equal("1.0");
    }
}
