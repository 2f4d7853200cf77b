using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CrmPlatform.Testing;

/// <summary>
/// Class fixture: the API on a database of its own, plus logged-in clients for the demo users.
/// Subclass it to change settings or services for one test class.
/// </summary>
public class CrmApp : IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = [];
    private CrmApiFactory? _factory;

    public CrmApiFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    public string ConnectionString { get; private set; } = string.Empty;

    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Crm:MigrateOnStart"] = "false" };

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabases.CreateAsync();
        _factory = new CrmApiFactory(ConnectionString, Settings, ConfigureServices);
        _factory.StartServer();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    public HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>A client carrying a bearer token from POST /api/v1/auth/login.</summary>
    public async Task<HttpClient> LoginAsync(string userName)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            using var anonymous = Anonymous();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = DemoUsers.Password });
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Signing in as {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            var body = await response.Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
            token = body!.AccessToken;
            _tokens[userName] = token;
        }

        return WithBearer(token);
    }

    /// <summary>Forgets the tokens <see cref="LoginAsync"/> keeps: after a test moves the API's clock past their lifetime.</summary>
    public void ForgetSignIns() => _tokens.Clear();

    /// <summary>A client that keeps cookies, signed in as the SPA signs in (the session cookie).</summary>
    public async Task<HttpClient> CookieSessionAsync(string userName)
    {
        var browser = Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var login = await browser.PostAsJsonAsync("/api/v1/auth/login?useCookies=true", new { userName, password = DemoUsers.Password });
        login.EnsureSuccessStatusCode();
        return browser;
    }

    public HttpClient WithBearer(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    private sealed record LoginResponse(string AccessToken, long ExpiresIn);
}

public static class DemoUsers
{
    public const string Password = "demo-Pass-2026";
    public const string Director = "director";
    public const string ManagerEast = "manager.east";
    public const string RepEast = "rep.east";
    public const string ManagerWest = "manager.west";
    public const string RepWest = "rep.west";
    public const string Service = "service";
    public const string Admin = "admin";
}
