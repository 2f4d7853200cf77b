using System.Net;
using System.Net.Http.Json;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using Microsoft.Extensions.DependencyInjection;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>
/// The contact cadence (each priority tier is called and visited every so many days, counted from the
/// timeline), the overdue filter and per-rep counts, staleness, and the admin's settings.
/// </summary>
public sealed class CadenceTests(CrmApp app) : DayBoundTests, IClassFixture<CrmApp>
{

    [Fact]
    public async Task A_new_customer_is_due_one_cadence_after_it_was_created()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var priority = await CreateAsync(rep, "节奏 新优先", "priority");
        var last = await CreateAsync(rep, "节奏 新最后", "last");

        priority.Cadence.Should().BeEquivalentTo(new
        {
            NextCallDue = ChinaDay.Today().AddDays(30), NextVisitDue = ChinaDay.Today().AddDays(90), CallOverdue = false, VisitOverdue = false, Stale = false,
        });
        last.Cadence!.NextCallDue.Should().Be(ChinaDay.Today().AddDays(180));
        last.Cadence.NextVisitDue.Should().Be(ChinaDay.Today().AddDays(365));
        priority.LastInteractionAt.Should().BeNull();
    }

    [Fact]
    public async Task A_reached_call_a_meeting_or_a_visit_counts_as_contact_a_missed_call_does_not_and_the_latest_wins()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await CreateAsync(rep, "节奏 接触", "priority");
        var fortyDaysAgo = DateTimeOffset.UtcNow.AddDays(-40);

        await AddAsync(rep, customer.Id, new { kind = "call", outcome = "reached", summary = "聊了新品", occurredAt = fortyDaysAgo });
        var afterCall = await GetAsync(rep, customer.Id);
        afterCall.LastContactedAt.Should().BeCloseTo(fortyDaysAgo, TimeSpan.FromMilliseconds(1));
        afterCall.LastVisitedAt.Should().BeNull();
        afterCall.Cadence!.CallOverdue.Should().BeTrue("a priority customer is called every 30 days");
        afterCall.Cadence.VisitOverdue.Should().BeFalse("never visited, it counts from its creation today");

        await AddAsync(rep, customer.Id, new { kind = "call", outcome = "notReached", summary = "没人接" });
        var afterMissedCall = await GetAsync(rep, customer.Id);
        afterMissedCall.LastContactedAt.Should().Be(afterCall.LastContactedAt);
        afterMissedCall.LastInteractionAt.Should().BeAfter(fortyDaysAgo.AddDays(39));
        afterMissedCall.Cadence!.CallOverdue.Should().BeTrue();

        var visitedAt = DateTimeOffset.UtcNow.AddHours(-1);
        await AddAsync(rep, customer.Id, new { kind = "visit", summary = "上门拜访", occurredAt = visitedAt });
        // Back-dated: recorded after the visit, it happened before, so it moves nothing.
        await AddAsync(rep, customer.Id, new { kind = "meeting", summary = "补记上月见面", occurredAt = DateTimeOffset.UtcNow.AddDays(-20) });
        var afterVisit = await GetAsync(rep, customer.Id);
        afterVisit.LastContactedAt.Should().BeCloseTo(visitedAt, TimeSpan.FromMilliseconds(1));
        afterVisit.LastVisitedAt.Should().BeCloseTo(visitedAt, TimeSpan.FromMilliseconds(1));
        afterVisit.Cadence.Should().BeEquivalentTo(new { CallOverdue = false, VisitOverdue = false, NextCallDue = ChinaDayOf(visitedAt).AddDays(30) });
        afterVisit.Version.Should().Be(customer.Version, "timeline entries do not change the customer's version (ETag)");
    }

    [Fact]
    public async Task A_visit_another_module_records_counts_for_the_cadence_too()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await CreateAsync(rep, "节奏 拜访模块", "priority");
        var visit = new RecordInteraction(
            Guid.CreateVersion7(), DateTimeOffset.UtcNow.AddDays(-2), customer.Id, InteractionKind.Visit, null, null, "计划内拜访", null, null, "visits");

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await IntegrationEventDelivery.DeliverAsync(scope.ServiceProvider, visit, CancellationToken.None);
        }

        (await GetAsync(rep, customer.Id)).LastVisitedAt.Should().BeCloseTo(visit.OccurredAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Overdue_filters_the_list_by_call_visit_or_either_and_counts_per_rep_within_scope()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var region = "逾期区" + Guid.NewGuid().ToString("N")[..6];
        var callOverdue = await CreateAsync(rep, "逾期 电话", "priority", region);
        var visitOverdue = await CreateAsync(rep, "逾期 拜访", "general", region);
        var onTime = await CreateAsync(rep, "逾期 按时", "priority", region);
        await AddAsync(rep, callOverdue.Id, new { kind = "visit", summary = "35 天前拜访", occurredAt = DateTimeOffset.UtcNow.AddDays(-35) });
        await Sql.ExecuteAsync(app.ConnectionString, "UPDATE customers.customers SET created_at = now() - interval '200 days' WHERE id = @id", ("id", visitOverdue.Id));
        await AddAsync(rep, visitOverdue.Id, new { kind = "call", outcome = "reached", summary = "电话联系", occurredAt = DateTimeOffset.UtcNow.AddDays(-1) });
        await AddAsync(rep, onTime.Id, new { kind = "call", outcome = "reached", summary = "电话联系" });

        async Task<Guid[]> Overdue(string due) =>
            [.. (await (await rep.GetAsync($"{Url}?region={Uri.EscapeDataString(region)}&overdue={due}&sort=createdAt")).ReadAsync<Page<CustomerSummaryDto>>()).Items.Select(c => c.Id)];

        (await Overdue("call")).Should().Equal(callOverdue.Id);
        (await Overdue("visit")).Should().Equal(visitOverdue.Id);
        (await Overdue("any")).Should().Equal(callOverdue.Id, visitOverdue.Id);

        var me = await rep.MeAsync();
        var mine = (await (await rep.GetAsync($"{Url}/overdue-by-owner")).ReadAsync<List<OverdueByOwnerDto>>()).Should().ContainSingle().Subject;
        mine.OwnerId.Should().Be(me.Id);
        mine.CallOverdue.Should().BeGreaterThanOrEqualTo(1);
        mine.VisitOverdue.Should().BeGreaterThanOrEqualTo(1);
        var west = await app.LoginAsync(DemoUsers.ManagerWest);
        (await (await west.GetAsync($"{Url}/overdue-by-owner")).ReadAsync<List<OverdueByOwnerDto>>()).Should().NotContain(o => o.OwnerId == me.Id);
        var east = await app.LoginAsync(DemoUsers.ManagerEast);
        (await (await east.GetAsync($"{Url}/overdue-by-owner")).ReadAsync<List<OverdueByOwnerDto>>()).Should().Contain(o => o.OwnerId == me.Id && o.OwnerName != null);
    }

    [Fact]
    public async Task A_record_neither_edited_nor_on_the_timeline_for_the_set_days_is_stale_until_someone_touches_it()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await CreateAsync(rep, "节奏 陈旧", "general");
        await Sql.ExecuteAsync(app.ConnectionString, "UPDATE customers.customers SET updated_at = now() - interval '91 days' WHERE id = @id", ("id", customer.Id));

        (await GetAsync(rep, customer.Id)).Cadence!.Stale.Should().BeTrue();

        await AddAsync(rep, customer.Id, new { kind = "message", summary = "微信问候" });
        (await GetAsync(rep, customer.Id)).Cadence!.Stale.Should().BeFalse();
    }

    [Fact]
    public async Task Only_an_admin_changes_the_settings_with_If_Match_and_the_due_dates_follow_at_once()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var admin = await app.LoginAsync(DemoUsers.Admin);
        var director = await app.LoginAsync(DemoUsers.Director);
        var settings = await (await rep.GetAsync($"{Url}/settings")).ReadAsync<CustomerSettingsDto>();
        settings.Cadence.Priority.Should().Be(new CadenceDays(30, 90));
        settings.StaleAfterDays.Should().Be(90);
        var changed = settings with { Cadence = settings.Cadence with { Priority = new CadenceDays(14, 60) } };

        (await rep.PutSettingsAsync(changed, settings.Version)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await director.PutSettingsAsync(changed, settings.Version)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await (await admin.PutSettingsAsync(changed, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await admin.PutSettingsAsync(changed, settings.Version + 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await admin.PutSettingsAsync(changed with { Cadence = changed.Cadence with { Last = new CadenceDays(0, 365) } }, settings.Version))
            .ShouldHaveFieldErrorAsync("cadence.last.callEveryDays");

        var saved = await (await admin.PutSettingsAsync(changed, settings.Version)).ReadAsync<CustomerSettingsDto>();
        try
        {
            saved.Cadence.Priority.Should().Be(new CadenceDays(14, 60));
            (await CreateAsync(rep, "节奏 新设置", "priority")).Cadence!.NextCallDue.Should().Be(ChinaDay.Today().AddDays(14));
            var history = await Sql.ScalarAsync<long>(
                app.ConnectionString, "SELECT count(*) FROM customers.audit_entries WHERE entity_type = 'customerSettings' AND changes::text LIKE '%priorityCallEveryDays%'");
            history.Should().Be(1);
        }
        finally
        {
            (await admin.PutSettingsAsync(settings, saved.Version)).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public void Due_days_are_China_days_so_a_call_at_2359_and_one_at_0000_Beijing_time_fall_due_a_day_apart()
    {
        var settings = (CustomerSettings)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(CustomerSettings));
        settings.Change(priority: new(30, 90), general: new(90, 180), last: new(180, 365), staleAfterDays: 90);
        var beforeMidnight = new DateTimeOffset(2026, 3, 1, 15, 59, 59, TimeSpan.Zero);
        var atMidnight = beforeMidnight.AddSeconds(1);
        var today = new DateOnly(2026, 3, 31);

        var late = ContactCadence.Of(Dto(beforeMidnight), settings, today);
        var early = ContactCadence.Of(Dto(atMidnight), settings, today);

        late.NextCallDue.Should().Be(new DateOnly(2026, 3, 31));
        late.CallOverdue.Should().BeFalse("due today is not overdue");
        early.NextCallDue.Should().Be(new DateOnly(2026, 4, 1));
        ContactCadence.Of(Dto(beforeMidnight), settings, today.AddDays(1)).CallOverdue.Should().BeTrue();

        static CustomerDto Dto(DateTimeOffset contactedAt) => new(
            Guid.NewGuid(), "x", CustomerKind.Person, null, [], null, null, null, null, null, null, null, [], null, null, null, null, null, null, null,
            null, null, null, null, CustomerStage.Prospect, Importance.General, PriorityTier.Priority, 1, Guid.NewGuid(), null,
            contactedAt.AddDays(-100), contactedAt, contactedAt, contactedAt, null, 1);
    }

    private static DateOnly ChinaDayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static async Task<CustomerDto> CreateAsync(HttpClient client, string name, string tier, string? region = null) =>
        await (await client.PostJsonAsync(Url, new { name, kind = "company", priorityTier = tier, region })).ReadAsync<CustomerDto>(HttpStatusCode.Created);

    private static async Task<CustomerDto> GetAsync(HttpClient client, Guid id) => await (await client.GetAsync($"{Url}/{id}")).ReadAsync<CustomerDto>();

    private static async Task AddAsync(HttpClient client, Guid customerId, object body) =>
        (await client.PostJsonAsync($"{Url}/{customerId}/interactions", body)).StatusCode.Should().Be(HttpStatusCode.Created);
}
