using System.Net;
using System.Text.Json;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Identity.Features;
using CrmPlatform.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Platform.Tests.Identity;

/// <summary>Sessions end on the server: logout, a password change and a disabled account take effect at once.</summary>
public sealed class SessionTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task After_logout_the_same_cookie_is_refused()
    {
        using var browser = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var login = await browser.PostJsonAsync("/api/v1/auth/login?useCookies=true", new { userName = DemoUsers.ManagerWest, password = DemoUsers.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("crm.session=", StringComparison.Ordinal)).Split(';')[0];

        (await browser.PostAsync("/api/v1/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var replay = app.Anonymous();
        replay.DefaultRequestHeaders.Add("Cookie", cookie);

        await (await replay.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task After_logout_the_same_bearer_token_and_its_refresh_token_are_refused()
    {
        var tokens = await TokensAsync(DemoUsers.ManagerWest);
        using var client = app.WithBearer(tokens.AccessToken);
        (await client.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.Anonymous().PostJsonAsync("/api/v1/auth/refresh", new { tokens.RefreshToken })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logging_out_one_session_leaves_the_users_other_sessions_alone()
    {
        var phone = await TokensAsync(DemoUsers.RepWest);
        var laptop = await TokensAsync(DemoUsers.RepWest);

        (await app.WithBearer(phone.AccessToken).PostAsync("/api/v1/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await app.WithBearer(laptop.AccessToken).GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refreshed_token_pair_belongs_to_the_same_session()
    {
        var tokens = await TokensAsync(DemoUsers.ManagerWest);
        var refreshed = await (await app.Anonymous().PostJsonAsync("/api/v1/auth/refresh", new { tokens.RefreshToken })).ReadAsync<TokenPair>();

        (await app.WithBearer(tokens.AccessToken).PostAsync("/api/v1/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await app.WithBearer(refreshed.AccessToken).GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_password_change_ends_every_other_session_and_keeps_the_callers()
    {
        const string user = "manager.east";
        var elsewhere = await TokensAsync(user);
        using var otherBrowser = await app.CookieSessionAsync(user);
        using var browser = await app.CookieSessionAsync(user);

        var changed = await browser.PostJsonAsync("/api/v1/me/password", new { currentPassword = DemoUsers.Password, newPassword = "New-Pass-2027!" });

        changed.StatusCode.Should().Be(HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync());
        (await browser.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK, "the caller's own session continues");
        await (await otherBrowser.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.WithBearer(elsewhere.AccessToken).GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.Anonymous().PostJsonAsync("/api/v1/auth/refresh", new { elsewhere.RefreshToken })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.Anonymous().PostJsonAsync("/api/v1/auth/login", new { userName = user, password = DemoUsers.Password })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await app.Anonymous().PostJsonAsync("/api/v1/auth/login", new { userName = user, password = "New-Pass-2027!" })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_caller_changing_the_password_keeps_its_session_and_its_api_tokens_keep_working()
    {
        const string user = "rep.east";
        using var browser = await app.CookieSessionAsync(user);
        var apiToken = (await (await browser.PostJsonAsync("/api/v1/me/tokens", new { name = "ETL", scope = "read" }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("secret").GetString()!;
        var tokens = await TokensAsync(user);
        using var caller = app.WithBearer(tokens.AccessToken);

        (await caller.PostJsonAsync("/api/v1/me/password", new { currentPassword = DemoUsers.Password, newPassword = "Token-Pass-2027!" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await caller.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.Anonymous().PostJsonAsync("/api/v1/auth/refresh", new { tokens.RefreshToken })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.WithBearer(apiToken).GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK, "integrations survive a password change");
        await (await browser.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_current_password_or_a_weak_new_one_is_400_naming_it()
    {
        using var browser = await app.CookieSessionAsync(DemoUsers.RepWest);

        await (await browser.PostJsonAsync("/api/v1/me/password", new { currentPassword = "wrong", newPassword = "New-Pass-2027!" })).ShouldHaveFieldErrorAsync("currentPassword");
        await (await browser.PostJsonAsync("/api/v1/me/password", new { currentPassword = DemoUsers.Password, newPassword = "short" })).ShouldHaveFieldErrorAsync("newPassword");
    }

    [Fact]
    public async Task A_disabled_user_loses_every_session_and_token_at_once_and_cannot_sign_in_until_enabled()
    {
        var director = await app.LoginAsync(DemoUsers.Director);
        var service = await UserIdAsync(director, DemoUsers.Service);
        var tokens = await TokensAsync(DemoUsers.Service);
        using var browser = await app.CookieSessionAsync(DemoUsers.Service);
        var apiToken = (await (await browser.PostJsonAsync("/api/v1/me/tokens", new { name = "BI", scope = "read" }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("secret").GetString()!;

        (await director.PostAsync($"/api/v1/users/{service}/disable", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await app.WithBearer(tokens.AccessToken).GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await browser.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.WithBearer(apiToken).GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.Anonymous().PostJsonAsync("/api/v1/auth/refresh", new { tokens.RefreshToken })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.Anonymous().PostJsonAsync("/api/v1/auth/login", new { userName = DemoUsers.Service, password = DemoUsers.Password })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        (await director.PostAsync($"/api/v1/users/{service}/enable", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await app.Anonymous().PostJsonAsync("/api/v1/auth/login", new { userName = DemoUsers.Service, password = DemoUsers.Password })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.WithBearer(apiToken).GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK, "an unrevoked token works again");
    }

    [Fact]
    public async Task Only_directors_and_admins_disable_users_and_nobody_disables_themselves()
    {
        var director = await app.LoginAsync(DemoUsers.Director);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var rep = await UserIdAsync(director, DemoUsers.RepEast);
        var self = (await (await director.GetAsync("/api/v1/me")).ReadAsync<MeDto>()).Id;

        await (await manager.PostAsync($"/api/v1/users/{rep}/disable", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var admin = await CreateAdminAsync();
        (await (await director.PostAsync($"/api/v1/users/{admin}/disable", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden))
            .GetProperty("code").GetString().Should().Be("user.outranks_caller");
        await (await director.PostAsync($"/api/v1/users/{self}/disable", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await director.PostAsync($"/api/v1/users/{Guid.NewGuid()}/disable", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<Guid> CreateAdminAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = new AppUser { Id = Guid.CreateVersion7(), UserName = "admin.session-tests", DisplayName = "管理员" };
        (await users.CreateAsync(admin, DemoUsers.Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(admin, "Admin")).Succeeded.Should().BeTrue();
        return admin.Id;
    }

    private static async Task<Guid> UserIdAsync(HttpClient director, string userName) =>
        (await (await director.GetAsync($"/api/v1/users?q={userName}")).ReadAsync<Page<UserDto>>()).Items.Single(u => u.UserName == userName).Id;

    private async Task<TokenPair> TokensAsync(string userName) =>
        await (await app.Anonymous().PostJsonAsync("/api/v1/auth/login", new { userName, password = DemoUsers.Password })).ReadAsync<TokenPair>();

    private sealed record TokenPair(string AccessToken, string RefreshToken);
}
