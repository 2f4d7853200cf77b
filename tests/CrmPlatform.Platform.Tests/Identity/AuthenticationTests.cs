using System.Net;
using System.Net.Http.Json;
using CrmPlatform.Identity.Domain;
using CrmPlatform.Identity.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Platform.Tests.Identity;

public sealed class AuthenticationTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Login_returns_a_bearer_token_that_identifies_the_user_role_and_team()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var me = await (await rep.GetAsync("/api/v1/me")).ReadAsync<MeDto>();

        me.Should().BeEquivalentTo(new { UserName = "rep.east", DisplayName = "张伟", Role = "Rep", TeamName = "East", RegionName = "华东" });
        me.TeamId.Should().NotBeNull();
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem_and_missing_fields_are_400_naming_them()
    {
        using var anonymous = app.Anonymous();

        var wrong = await anonymous.PostJsonAsync("/api/v1/auth/login", new { userName = DemoUsers.Service, password = "wrong-Pass-1" });
        var empty = await anonymous.PostJsonAsync("/api/v1/auth/login", new { userName = "" });

        (await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("type").GetString().Should().Be("urn:crm:problem:auth.invalid_credentials");
        await empty.ShouldHaveFieldErrorAsync("userName");
        await (await anonymous.PostJsonAsync("/api/v1/auth/login", new { userName = "x" })).ShouldHaveFieldErrorAsync("password");
    }

    [Fact]
    public async Task Cookie_login_sets_an_httponly_samesite_strict_session_that_logout_ends()
    {
        using var browser = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });

        var login = await browser.PostJsonAsync("/api/v1/auth/login?useCookies=true", new { userName = DemoUsers.ManagerWest, password = DemoUsers.Password });

        login.StatusCode.Should().Be(HttpStatusCode.OK);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("crm.session=", StringComparison.Ordinal));
        cookie.Should().Contain("httponly").And.Contain("samesite=strict");
        (await (await browser.GetAsync("/api/v1/me")).ReadAsync<MeDto>()).UserName.Should().Be(DemoUsers.ManagerWest);

        (await browser.PostAsync("/api/v1/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await browser.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_bearer_token_is_a_401_problem_with_the_usual_code()
    {
        using var forged = app.WithBearer("not-a-real-token");

        var problem = await (await forged.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        problem.GetProperty("code").GetString().Should().Be("unauthenticated");
        problem.GetProperty("type").GetString().Should().Be("urn:crm:problem:unauthenticated");
    }

    [Fact]
    public async Task A_refresh_token_buys_a_new_working_access_token_and_garbage_does_not()
    {
        using var anonymous = app.Anonymous();
        var login = await (await anonymous.PostJsonAsync("/api/v1/auth/login", new { userName = DemoUsers.Director, password = DemoUsers.Password })).ReadAsync<TokenPair>();

        var refreshed = await (await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { login.RefreshToken })).ReadAsync<TokenPair>();
        using var client = app.WithBearer(refreshed.AccessToken);

        (await (await client.GetAsync("/api/v1/me")).ReadAsync<MeDto>()).UserName.Should().Be(DemoUsers.Director);
        refreshed.ExpiresIn.Should().BePositive();
        await (await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = "garbage" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { })).ShouldHaveFieldErrorAsync("refreshToken");
    }

    private sealed record TokenPair(string AccessToken, string RefreshToken, long ExpiresIn);
}
