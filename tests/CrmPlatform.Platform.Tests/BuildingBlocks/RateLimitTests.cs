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

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            responses.Add(await east.GetAsync("/api/v1/customers"));
        }

        responses.Take(5).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        var limited = responses[5];
        (await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests)).GetProperty("code").GetString().Should().Be("rate_limited");
        limited.Headers.RetryAfter!.Delta.Should().BePositive();
        (await west.GetAsync("/api/v1/customers")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.Anonymous().GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK, "health probes are never rate limited");
    }
}
