using System.Net;

namespace CrmPlatform.Platform.Tests.BuildingBlocks;

public sealed class RateLimitedApp : CrmApp
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Crm:MigrateOnStart"] = "false",
        ["Crm:RateLimit:PermitLimit"] = "5",
        ["Crm:RateLimit:Window"] = "00:01:00",
    };
}

public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task A_caller_over_the_limit_gets_429_with_retry_after_while_others_are_unaffected()
    {
        var east = await app.LoginAsync(DemoUsers.RepEast);
        var west = await app.LoginAsync(DemoUsers.RepWest);
        var token = await (await east.PostJsonAsync("/api/v1/me/tokens", new { name = "限流", scope = "read" })).ReadAsync<CreatedToken>(HttpStatusCode.Created);

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await east.GetAsync("/api/v1/customers"));
        }

        responses.Take(4).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK, "the token creation used the first of five permits");
        var limited = responses[4];
        (await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests)).GetProperty("code").GetString().Should().Be("rate_limited");
        limited.Headers.RetryAfter!.Delta.Should().BePositive();
        (await west.GetAsync("/api/v1/customers")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.WithBearer(token.Secret).GetAsync("/api/v1/customers")).StatusCode.Should().Be(HttpStatusCode.OK, "an API token has its own budget");
        (await app.Anonymous().GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK, "health probes are never rate limited");
    }

    private sealed record CreatedToken(string Secret);
}
