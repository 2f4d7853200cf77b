using System.Net;
using System.Net.Http.Json;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Features;

namespace CrmPlatform.Platform.Tests.BuildingBlocks;

public sealed class IdempotencyTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task A_retried_post_with_the_same_key_replays_the_first_response_and_creates_once()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(rep, key, new { name = "幂等测试 一次", kind = "company" });
        var retry = await PostAsync(rep, key, new { name = "幂等测试 一次", kind = "company" });

        var original = await first.ReadAsync<CustomerDto>(HttpStatusCode.Created);
        (await retry.ReadAsync<CustomerDto>(HttpStatusCode.Created)).Should().BeEquivalentTo(original);
        retry.Headers.Location.Should().Be(first.Headers.Location);
        retry.Headers.ETag.Should().Be(first.Headers.ETag);
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await CountAsync(rep, "幂等测试 一次")).Should().Be(1);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_creates_nothing()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var key = Guid.NewGuid().ToString();
        (await PostAsync(rep, key, new { name = "幂等测试 原始", kind = "company" })).StatusCode.Should().Be(HttpStatusCode.Created);

        var reused = await PostAsync(rep, key, new { name = "幂等测试 篡改", kind = "company" });

        await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await CountAsync(rep, "幂等测试 篡改")).Should().Be(0);
    }

    [Fact]
    public async Task Concurrent_retries_create_exactly_once()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostAsync(rep, key, new { name = "幂等测试 并发", kind = "person" })));

        responses.Select(r => r.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict);
        (await CountAsync(rep, "幂等测试 并发")).Should().Be(1);
    }

    [Fact]
    public async Task Keys_are_per_caller()
    {
        var east = await app.LoginAsync(DemoUsers.RepEast);
        var west = await app.LoginAsync(DemoUsers.RepWest);
        var key = Guid.NewGuid().ToString();

        (await PostAsync(east, key, new { name = "幂等测试 东", kind = "company" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await PostAsync(west, key, new { name = "幂等测试 西", kind = "company" })).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_post_that_failed_validation_is_not_stored_so_the_corrected_body_may_use_the_same_key()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var key = Guid.NewGuid().ToString();
        await (await PostAsync(rep, key, new { name = "", kind = "company" })).ShouldHaveFieldErrorAsync("name");

        var corrected = await PostAsync(rep, key, new { name = "幂等测试 改正", kind = "company" });
        var retried = await PostAsync(rep, key, new { name = "幂等测试 改正", kind = "company" });

        corrected.StatusCode.Should().Be(HttpStatusCode.Created, "nothing ran for the invalid body, so the key was not spent");
        corrected.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        retried.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await CountAsync(rep, "幂等测试 改正")).Should().Be(1);
    }

    [Fact]
    public async Task Signing_in_and_out_take_no_part_in_idempotency_and_store_no_tokens()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var key = Guid.NewGuid().ToString();

        var login = await PostAsync(rep, key, new { userName = DemoUsers.RepEast, password = DemoUsers.Password }, "/api/v1/auth/login");
        var again = await PostAsync(rep, key, new { userName = DemoUsers.RepEast, password = DemoUsers.Password }, "/api/v1/auth/login");

        login.StatusCode.Should().Be(HttpStatusCode.OK);
        again.Headers.Contains("Idempotent-Replayed").Should().BeFalse("a second sign-in gets its own tokens");
        (await Sql.ScalarAsync<long>(app.ConnectionString, "SELECT count(*) FROM platform.idempotency_records WHERE key = @key", ("key", key)))
            .Should().Be(0, "no token pair may be stored for replay");
    }

    [Fact]
    public async Task Without_a_key_each_post_is_a_new_request()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        await rep.PostAsJsonAsync("/api/v1/customers", new { name = "幂等测试 无键", kind = "company" });
        await rep.PostAsJsonAsync("/api/v1/customers", new { name = "幂等测试 无键", kind = "company" });

        (await CountAsync(rep, "幂等测试 无键")).Should().Be(2);
    }

    [Fact]
    public async Task An_overlong_key_is_400_naming_the_header()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var response = await PostAsync(rep, new string('k', 201), new { name = "x", kind = "company" });

        await response.ShouldHaveFieldErrorAsync("Idempotency-Key");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, object body, string url = "/api/v1/customers")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<int> CountAsync(HttpClient client, string name) =>
        (await (await client.GetAsync($"/api/v1/customers?q={Uri.EscapeDataString(name)}&limit=200")).ReadAsync<Page<CustomerSummaryDto>>())
            .Items.Count(c => c.Name == name);
}
