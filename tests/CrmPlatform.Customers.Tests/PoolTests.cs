using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using CrmPlatform.Identity.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>The pool (公海): the nightly sweep on an injected clock, warnings, claims within the team and the day's limit, release.</summary>
public sealed class PoolTests(CrmApp app) : IClassFixture<CrmApp>
{
    private const string Sweep = "customers.pool-sweep";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task Untouched_customers_are_warned_then_return_to_their_teams_pool_at_two_in_Beijing_and_a_team_rep_claims_one()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var otherTeam = await app.LoginAsync(DemoUsers.RepWest);
        var untouched = await rep.CreateAsync("公海 无人跟进");
        var kept = await rep.CreateAsync("公海 有联系");
        var director = await app.LoginAsync(DemoUsers.Director);
        var teamless = await director.CreateAsync("公海 无团队");
        var poolDay = DateOnly.FromDateTime(untouched.CreatedAt.ToOffset(China).DateTime).AddDays(90);
        // 45 days from now the rep calls: that customer's pool day moves 45 days on.
        await Sql.ExecuteAsync(app.ConnectionString, "INSERT INTO customers.customer_activity (customer_id, last_interaction_at) VALUES (@id, now() + interval '45 days')", ("id", kept.Id));
        var runner = new DailyJobRunner(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), Clock(poolDay.AddDays(-7), 1, 59), NullLogger<DailyJobRunner>.Instance);

        (await runner.RunDueAsync(CancellationToken.None)).Should().NotContain(Sweep, "01:59 in Beijing is before the sweep");
        var warningRun = new DailyJobRunner(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), Clock(poolDay.AddDays(-7), 2, 0), NullLogger<DailyJobRunner>.Instance);
        (await warningRun.RunDueAsync(CancellationToken.None)).Should().Contain(Sweep);
        await Eventually.HoldsAsync(async () => (await NotificationsAsync(rep, "customers.poolWarning", untouched.Id)).Count == 1, "the owner is warned 7 days before");
        (await NotificationsAsync(rep, "customers.poolWarning", kept.Id)).Should().BeEmpty();
        (await rep.GetAsync($"{Url}/{untouched.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, "a warning moves nothing");

        var sweepRun = new DailyJobRunner(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), Clock(poolDay, 2, 0), NullLogger<DailyJobRunner>.Instance);
        (await sweepRun.RunDueAsync(CancellationToken.None)).Should().Contain(Sweep);

        await (await rep.GetAsync($"{Url}/{untouched.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await rep.GetAsync($"{Url}/{kept.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await director.GetAsync($"{Url}/{teamless.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, "an owner without a team has no pool to lose it to");
        await (await ReleaseAsync(director, teamless, ETagOf(teamless))).ShouldHaveFieldErrorAsync("id", HttpStatusCode.UnprocessableEntity);
        (await PoolAsync(manager)).Should().Contain(p => p.Id == untouched.Id && p.PreviousOwnerName != null);
        (await PoolAsync(otherTeam)).Should().NotContain(p => p.Id == untouched.Id);
        await (await otherTeam.PostAsync($"{Url}/{untouched.Id}/claim", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var claimed = await (await manager.PostAsync($"{Url}/{untouched.Id}/claim", null)).ReadAsync<CustomerDto>();
        claimed.OwnerId.Should().Be((await manager.MeAsync()).Id);
        // Claimed by the manager, it is no longer the rep's to see: 404, not "someone claimed it".
        await (await rep.PostAsync($"{Url}/{untouched.Id}/claim", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var moves = await (await manager.GetAsync($"{Url}/{untouched.Id}/ownership")).ReadAsync<List<OwnershipChangeDto>>();
        moves.Select(m => m.Kind).Should().Equal(OwnershipChangeKind.ClaimedFromPool, OwnershipChangeKind.ReturnedToPool);
        moves[1].ChangedBy.Should().BeNull("the sweep is the system");
        moves[1].ToOwnerId.Should().BeNull();
        moves[0].FromOwnerId.Should().BeNull();
    }

    [Fact]
    public async Task An_owner_releases_a_customer_and_a_rep_may_claim_only_so_many_a_day()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var admin = await app.LoginAsync(DemoUsers.Admin);
        var first = await rep.CreateAsync("公海 释放一");
        var second = await rep.CreateAsync("公海 释放二");
        var settings = await (await admin.GetAsync($"{Url}/settings")).ReadAsync<CustomerSettingsDto>();
        var oneADay = await (await admin.PutSettingsAsync(settings with { Pool = settings.Pool with { ClaimsPerDay = 1, ReclaimAfterDays = 0 } }, settings.Version)).ReadAsync<CustomerSettingsDto>();
        try
        {
            await (await ReleaseAsync(rep, first, ifMatch: null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
            var service = await app.LoginAsync(DemoUsers.Service);
            await (await ReleaseAsync(service, first, ETagOf(first))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            (await ReleaseAsync(rep, first, ETagOf(first))).StatusCode.Should().Be(HttpStatusCode.NoContent);
            (await ReleaseAsync(rep, second, ETagOf(second))).StatusCode.Should().Be(HttpStatusCode.NoContent);
            (await PoolAsync(rep)).Select(p => p.Id).Should().Contain([first.Id, second.Id]);

            (await (await rep.GetAsync($"{Url}/pool/allowance")).ReadAsync<PoolAllowanceDto>()).Should().Be(new PoolAllowanceDto(0, 1));
            (await rep.PostAsync($"{Url}/{first.Id}/claim", null)).StatusCode.Should().Be(HttpStatusCode.OK);
            (await (await rep.GetAsync($"{Url}/pool/allowance")).ReadAsync<PoolAllowanceDto>()).Should().Be(new PoolAllowanceDto(1, 1));
            (await (await rep.PostAsync($"{Url}/{second.Id}/claim", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))
                .GetProperty("code").GetString().Should().Be("customer.claim_limit");
            var director = await app.LoginAsync(DemoUsers.Director);
            await (await director.PostAsync($"{Url}/{second.Id}/claim", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
        finally
        {
            (await admin.PutSettingsAsync(settings, oneADay.Version)).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task The_last_owner_waits_to_claim_a_customer_back_while_the_rest_of_the_team_may_claim_it_at_once()
    {
        // The west team's, so that the east rep's claims of the day stay the other tests' own.
        var rep = await app.LoginAsync(DemoUsers.RepWest);
        var manager = await app.LoginAsync(DemoUsers.ManagerWest);
        var admin = await app.LoginAsync(DemoUsers.Admin);
        var settings = await (await admin.GetAsync($"{Url}/settings")).ReadAsync<CustomerSettingsDto>();
        settings.Pool.ReclaimAfterDays.Should().Be(30, "the default");
        var withoutWait = JsonSerializer.SerializeToNode(new CustomerSettingsInput(settings.Cadence, settings.StaleAfterDays, settings.Pool, settings.ValueTiers, settings.Loyalty), Json.Options)!;
        withoutWait["pool"]!.AsObject().Remove("reclaimAfterDays");
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"{Url}/settings") { Content = JsonContent.Create(withoutWait) })
        {
            put.Headers.TryAddWithoutValidation("If-Match", $"\"{settings.Version}\"");
            await (await admin.SendAsync(put)).ShouldHaveFieldErrorAsync("pool.reclaimAfterDays");
        }

        foreach (var days in new[] { -1, CustomerSettings.LongestCadenceDays + 1 })
        {
            await (await admin.PutSettingsAsync(settings with { Pool = settings.Pool with { ReclaimAfterDays = days } }, settings.Version))
                .ShouldHaveFieldErrorAsync("pool.reclaimAfterDays");
        }

        var customer = await rep.CreateAsync("公海 领回");
        (await ReleaseAsync(rep, customer, ETagOf(customer))).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var claimedBefore = (await (await rep.GetAsync($"{Url}/pool/allowance")).ReadAsync<PoolAllowanceDto>()).ClaimedToday;

        var asSeenByRep = (await PoolAsync(rep)).Single(p => p.Id == customer.Id);
        asSeenByRep.ClaimableFrom.Should().Be(asSeenByRep.PooledAt.AddDays(30));
        (await PoolAsync(manager)).Single(p => p.Id == customer.Id).ClaimableFrom.Should().BeNull();
        (await (await rep.PostAsync($"{Url}/{customer.Id}/claim", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("code").GetString().Should().Be("customer.reclaim_wait");
        (await (await rep.GetAsync($"{Url}/pool/allowance")).ReadAsync<PoolAllowanceDto>()).ClaimedToday.Should().Be(claimedBefore, "a refused claim is no claim");

        (await manager.PostAsync($"{Url}/{customer.Id}/claim", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        // Thirty days in the pool later, the last owner may take it back.
        var waited = await rep.CreateAsync("公海 等够了");
        (await ReleaseAsync(rep, waited, ETagOf(waited))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await Sql.ExecuteAsync(app.ConnectionString, "UPDATE customers.customers SET pooled_at = now() - interval '30 days' WHERE id = @id", ("id", waited.Id));
        (await PoolAsync(rep)).Single(p => p.Id == waited.Id).ClaimableFrom.Should().BeNull();
        (await rep.PostAsync($"{Url}/{waited.Id}/claim", null)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public void The_wait_ends_at_the_instant_it_went_to_the_pool_plus_the_days_and_binds_only_its_last_owner()
    {
        var settings = (CustomerSettings)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(CustomerSettings));
        settings.ChangePool(afterDays: 90, warningDays: 7, claimsPerDay: 10, reclaimAfterDays: 30);
        var (lastOwner, teammate) = (Guid.NewGuid(), Guid.NewGuid());
        var pooledAt = new DateTimeOffset(2026, 3, 1, 15, 59, 59, TimeSpan.Zero);
        var end = pooledAt.AddDays(30);

        settings.ClaimableFrom(lastOwner, pooledAt, lastOwner, end.AddTicks(-1)).Should().Be(end);
        settings.ClaimableFrom(lastOwner, pooledAt, lastOwner, end).Should().BeNull();
        settings.ClaimableFrom(lastOwner, pooledAt, teammate, pooledAt).Should().BeNull();
        settings.ChangePool(afterDays: 90, warningDays: 7, claimsPerDay: 10, reclaimAfterDays: 0);
        settings.ClaimableFrom(lastOwner, pooledAt, lastOwner, pooledAt).Should().BeNull();
    }

    [Fact]
    public async Task Two_reps_claiming_the_same_customer_at_once_one_wins_and_the_other_is_told()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var customer = await rep.CreateAsync("公海 抢");
        (await ReleaseAsync(rep, customer, ETagOf(customer))).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var answers = await Task.WhenAll(manager.PostAsync($"{Url}/{customer.Id}/claim", null), manager.PostAsync($"{Url}/{customer.Id}/claim", null));

        answers.Select(a => a.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
    }

    [Fact]
    public async Task The_pool_is_searched_like_the_list_by_name_and_by_a_contacts_name()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var byName = await rep.CreateAsync("公海 鼜鼝记");
        var byContact = await rep.CreateAsync("公海 某店");
        (await rep.PostJsonAsync($"{Url}/{byContact.Id}/contacts", new { name = "钱鼜鼝", role = "storeManager" })).StatusCode.Should().Be(HttpStatusCode.Created);
        foreach (var customer in new[] { byName, await rep.ReadCustomerAsync(byContact.Id) })
        {
            (await ReleaseAsync(rep, customer, ETagOf(customer))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        var found = await (await manager.GetAsync($"{Url}/pool?q={Uri.EscapeDataString("鼜鼝")}")).ReadAsync<Page<PoolCustomerDto>>();

        found.Items.Select(c => c.Id).Should().Equal(byContact.Id, byName.Id);
    }

    private static FakeTimeProvider Clock(DateOnly day, int hour, int minute) =>
        new(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), China).ToUniversalTime());

    private static async Task<List<PoolCustomerDto>> PoolAsync(HttpClient client) =>
        (await (await client.GetAsync($"{Url}/pool?limit=200")).ReadAsync<Page<PoolCustomerDto>>()).Items.ToList();

    private static async Task<List<NotificationDto>> NotificationsAsync(HttpClient client, string topic, Guid customerId) =>
        [.. (await (await client.GetAsync("/api/v1/me/notifications?limit=200")).ReadAsync<Page<NotificationDto>>()).Items
            .Where(n => n.Topic == topic && n.Data.GetValueOrDefault("customerId") == customerId.ToString())];

    private static Task<HttpResponseMessage> ReleaseAsync(HttpClient client, CustomerDto customer, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Url}/{customer.Id}/release") { Content = JsonContent.Create(new { reason = "不再跟进" }) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}
