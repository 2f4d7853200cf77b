using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmPlatform.Platform.Tests.Hardening;

/// <summary>A page on another site cannot make the signed-in browser change anything, whatever SameSite does.</summary>
public sealed class CrossSiteRequestTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    public async Task A_cookie_write_sent_from_another_site_is_403_and_changes_nothing(string header, string value)
    {
        using var browser = await app.CookieSessionAsync(DemoUsers.RepEast);
        var name = "跨站 " + Guid.NewGuid().ToString("N")[..6];

        var response = await browser.SendAsync(Create(name, (header, value)));

        (await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString().Should().Be("request.cross_site");
        var found = await (await browser.GetAsync($"/api/v1/customers?q={Uri.EscapeDataString(name)}")).ReadAsync<System.Text.Json.JsonElement>();
        found.GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Origin", "http://localhost")]
    public async Task A_cookie_write_from_the_app_itself_works(string header, string value)
    {
        using var browser = await app.CookieSessionAsync(DemoUsers.RepEast);

        var response = await browser.SendAsync(Create("同源 " + Guid.NewGuid().ToString("N")[..6], (header, value)));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_cross_site_login_that_would_plant_a_session_is_refused()
    {
        using var browser = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login?useCookies=true")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { userName = DemoUsers.RepEast, password = DemoUsers.Password }),
        };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        await (await browser.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Cached_basic_credentials_a_browser_replays_do_not_exempt_a_cookie_write()
    {
        using var browser = await app.CookieSessionAsync(DemoUsers.RepEast);
        using var request = Create("基本认证跨站", ("Sec-Fetch-Site", "same-site"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "cHJveHk6cHJveHk=");

        await (await browser.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_bearer_call_is_no_browsers_doing_and_is_not_checked()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var response = await rep.SendAsync(Create("令牌跨站 " + Guid.NewGuid().ToString("N")[..6], ("Sec-Fetch-Site", "cross-site")));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    private static HttpRequestMessage Create(string name, (string Name, string Value) header)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name, kind = "company" }),
        };
        request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        return request;
    }
}
