using System.Net;
using System.Text;

namespace CrmPlatform.Platform.Tests.Host;

/// <summary>Browser protections on the app, the docs and the API; the API's own errors are not swallowed by the app.</summary>
public sealed class SecurityHeadersTests(SpaApp app) : IClassFixture<SpaApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/customers")]
    [InlineData("/docs/index.html")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/nothing-here")]
    public async Task Every_answer_forbids_framing_and_sniffing_and_keeps_the_referrer(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("frame-ancestors 'none'").And.Contain("script-src 'self';").And.Contain("object-src 'none'");
        csp.Should().NotContain("unsafe-eval");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_and_never_over_plain_http()
    {
        using var https = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://crm.example.com") });
        using var http = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://crm.example.com") });

        (await https.GetAsync("/")).Headers.GetValues("Strict-Transport-Security").Single().Should().Contain("max-age=");
        (await http.GetAsync("/")).Headers.Contains("Strict-Transport-Security").Should().BeFalse();
    }

    [Theory]
    [InlineData("PUT", "/api/v1/customers", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("PATCH", "/api/v1/me", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/api/v1/customers", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("POST", "/api/v1/customers", "application/xml", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("POST", "/customers", null, HttpStatusCode.MethodNotAllowed)]
    public async Task With_the_app_served_a_wrong_method_or_media_type_is_the_apis_problem_not_the_apps_html(string method, string path, string? contentType, HttpStatusCode status)
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (contentType is not null)
        {
            request.Content = new StringContent("name=x", Encoding.UTF8, contentType);
        }

        await (await rep.SendAsync(request)).ShouldBeProblemAsync(status);
    }
}
