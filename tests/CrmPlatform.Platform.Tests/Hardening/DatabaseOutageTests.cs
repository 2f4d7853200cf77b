using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace CrmPlatform.Platform.Tests.Hardening;

/// <summary>
/// PostgreSQL is killed (kill -9) under a steady read/write load and started again, on a cluster of the
/// test's own, served by the real host over Kestrel. While it is down every call is a 503 problem with
/// Retry-After; after the restart calls succeed again; every create that was acknowledged is still there.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LoadBefore = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LoadAfterRecovery = TimeSpan.FromSeconds(5);

    /// <summary>How long after the first success a stale pooled connection may still fail a request (a loaded machine is slow to find them all).</summary>
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(3);
    private const int Workers = 4;

    /// <summary>The phase a request started and ended in; one that spans two is a transition, held to no rule but "never a 500".</summary>
    private enum Phase { Before, Killing, Down, Restarting, After, Transition }

    private sealed record Outcome(Phase Phase, string Kind, int Status, bool RetryAfter, string? MediaType, TimeSpan At);

    [Fact]
    public async Task While_the_database_is_down_calls_are_503_with_retry_after_then_recover_and_no_acknowledged_create_is_lost()
    {
        await using var cluster = await PostgresCluster.StartAsync(durableCommits: true);
        await using var factory = new CrmApiFactory(
            cluster.ConnectionString("crm"),
            new Dictionary<string, string?> { ["CRM_SEED_DEMO"] = "true" });
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        var login = await client.PostJsonAsync("/api/v1/auth/login", new { userName = DemoUsers.RepEast, password = DemoUsers.Password });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.ReadAsync<JsonElement>()).GetProperty("accessToken").GetString());
        login.Headers.Server.Should().BeEmpty("the server software is not advertised");

        var phase = (int)Phase.Before;
        var clock = Stopwatch.StartNew();
        var outcomes = new ConcurrentBag<Outcome>();
        var acknowledged = new ConcurrentBag<Guid>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var started = Volatile.Read(ref phase);
                var (kind, response) = i % 2 == 0
                    ? ("create", await CreateAsync(client, $"故障演练 {worker}-{i}"))
                    : ("list", await client.GetAsync("/api/v1/customers?limit=20"));
                var ended = Volatile.Read(ref phase);
                outcomes.Add(new(started == ended ? (Phase)started : Phase.Transition, kind, (int)response.StatusCode, response.Headers.RetryAfter is not null, response.Content.Headers.ContentType?.MediaType, clock.Elapsed));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
                }
            }
        })).ToArray();

        await Task.Delay(LoadBefore);
        Volatile.Write(ref phase, (int)Phase.Killing);
        await cluster.KillAsync();
        var killedAt = clock.Elapsed;
        Volatile.Write(ref phase, (int)Phase.Down);
        var readiness = Stopwatch.StartNew();
        var notReady = await client.GetAsync("/health/ready");
        var notReadyAfter = readiness.Elapsed;
        await Task.Delay(Outage);
        Volatile.Write(ref phase, (int)Phase.Restarting);
        var restartingAt = clock.Elapsed;
        await cluster.StartAgainAsync();
        var restartedAt = clock.Elapsed;
        Volatile.Write(ref phase, (int)Phase.After);
        await Eventually.HoldsAsync(() => Task.FromResult(outcomes.Any(o => o.Phase == Phase.After && o.Status < 300)), "the API recovers on its own once the database is back");
        var firstSuccess = outcomes.Where(o => o.Phase == Phase.After && o.Status < 300).Select(o => o.At).DefaultIfEmpty(clock.Elapsed).Min();
        await Task.Delay(LoadAfterRecovery);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var ids = acknowledged.ToArray();
        var present = await Sql.ScalarAsync<long>(cluster.ConnectionString("crm"), "SELECT count(*) FROM customers.customers WHERE id = ANY(@ids)", ("ids", ids));
        var down = outcomes.Where(o => o.Phase == Phase.Down).ToList();
        output.WriteLine($"killed at {killedAt.TotalSeconds:F2} s, down {(restartingAt - killedAt).TotalSeconds:F2} s, pg_ctl start took {(restartedAt - restartingAt).TotalSeconds:F2} s");
        output.WriteLine($"/health/ready answered {(int)notReady.StatusCode} in {notReadyAfter.TotalSeconds:F3} s after the kill");
        output.WriteLine($"requests while down: {down.Count}; statuses: {Summary(down)}; with Retry-After: {down.Count(o => o.RetryAfter)}");
        output.WriteLine($"first 2xx {(firstSuccess - restartedAt).TotalSeconds:F3} s after the server accepted connections again");
        output.WriteLine($"all requests: {outcomes.Count}; statuses by phase: {string.Join("; ", outcomes.GroupBy(o => o.Phase).Select(g => $"{g.Key}: {Summary(g)}"))}");
        output.WriteLine($"acknowledged creates: {ids.Length}; present afterwards: {present}; lost: {ids.Length - present}");

        notReady.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "readiness tells load balancers at once");
        outcomes.Where(o => o.Phase == Phase.Before).Should().NotBeEmpty().And.OnlyContain(o => o.Status < 300, "all is well before the kill");
        down.Should().NotBeEmpty().And.OnlyContain(
            o => o.Status == 503 && o.RetryAfter && o.MediaType == "application/problem+json", "an outage is a 503 problem with Retry-After, never a 500");
        outcomes.Where(o => o.Phase == Phase.After && o.At > firstSuccess + Settling).Should().NotBeEmpty()
            .And.OnlyContain(o => o.Status < 300, "a few seconds after recovering everything works");
        outcomes.Should().OnlyContain(o => o.Status < 300 || o.Status == 503, "no request is ever a 500, not even one cut off by the kill");
        present.Should().Be(ids.Length, "no acknowledged create may be lost");
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readiness_reports_the_outage_and_the_api_answers_503_when_the_database_was_never_there()
    {
        await using var factory = new CrmApiFactory(
            "Host=127.0.0.1;Port=9;Username=postgres;Database=crm;Timeout=2",
            new Dictionary<string, string?> { ["Crm:MigrateOnStart"] = "false" });
        using var client = factory.CreateClient();

        var login = await client.PostJsonAsync("/api/v1/auth/login", new { userName = DemoUsers.RepEast, password = DemoUsers.Password });
        var ready = await client.GetAsync("/health/ready");

        (await login.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable)).GetProperty("code").GetString().Should().Be("service_unavailable");
        login.Headers.RetryAfter!.Delta.Should().BePositive();
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = JsonContent.Create(new { name, kind = "company" }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    private static string Summary(IEnumerable<Outcome> outcomes) =>
        string.Join(", ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
}
