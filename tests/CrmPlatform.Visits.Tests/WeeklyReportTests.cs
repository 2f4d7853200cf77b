using System.Net;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Features;
using CrmPlatform.Identity.Features;
using CrmPlatform.Visits.Domain;
using CrmPlatform.Visits.Features;
using Microsoft.Extensions.DependencyInjection;
using static CrmPlatform.Visits.Tests.VisitRequests;

namespace CrmPlatform.Visits.Tests;

/// <summary>
/// 周进度控制: a week of one rep's plans, visits, reports, sales and market reports, on the API's clock, compiled at Monday
/// 00:00 in China (Sunday 16:00 UTC) into figures worked out here by hand. The report cut-off is 10:30 (ClockedApp).
/// </summary>
public sealed class WeeklyReportTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static readonly DateOnly Monday = new(2030, 6, 3);

    [Fact]
    public async Task Mondays_report_counts_last_weeks_plans_visits_reports_sales_and_market_as_worked_out_by_hand()
    {
        // Monday 09:00: visit cadence of five days for every tier; customer C is created (it will be overdue by Sunday).
        var rep = await AtAsync(Monday, 9, 0);
        var admin = await app.LoginAsync(DemoUsers.Admin);
        await SetVisitCadenceAsync(admin, days: 5);
        var c = await rep.NewCustomerAsync("周报 丙");

        // Tuesday: A and B visited from the plan (A ordered), C not; a deal of ¥8,000 won at A; the day's report on time.
        rep = await AtAsync(Monday.AddDays(1), 9, 0);
        var a = await rep.NewCustomerAsync("周报 甲");
        var b = await rep.NewCustomerAsync("周报 乙");
        var d = await rep.NewCustomerAsync("周报 丁");

        // Earlier purchases in the archive. The week is counted to Sunday 9 June: the last 13 weeks are 11 March to 9 June,
        // the 13 before 10 December to 10 March. B bought 10,000 then and 4,999.99 since: less than half, falling. D bought
        // 24,000 then and 12,000 this week (below): exactly half, not falling. C's purchase is older than both quarters.
        await BoughtAsync(b, 10_000m, new DateTime(2030, 3, 10, 23, 59, 59));
        await BoughtAsync(b, 4_999.99m, new DateTime(2030, 3, 11, 0, 0, 0));
        await BoughtAsync(d, 24_000m, new DateTime(2029, 12, 10, 0, 0, 0));
        await BoughtAsync(c, 1_000m, new DateTime(2029, 12, 9, 23, 59, 59));
        var tuesdayPlan = await (await rep.PostJsonAsync("/api/v1/visits/plans", Plan(Monday.AddDays(1), [a, b, c]))).ReadAsync<VisitPlanDto>(HttpStatusCode.Created);
        (await rep.PostJsonAsync("/api/v1/visits/plans", Plan(Monday.AddDays(2), [a, d]))).StatusCode.Should().Be(HttpStatusCode.Created);
        var visitA = await CheckInAsync(rep, a);
        await CheckOutAsync(rep, visitA, ordered: true, cost: 20);
        await CheckOutAsync(rep, await CheckInAsync(rep, b), ordered: false, cost: 10);
        await WinAsync(rep, a, 8_000m);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        (await manager.PostJsonAsync("/api/v1/targets", new { kind = "revenue", level = "rep", subjectId = visitA.RepId, period = "month", startsOn = "2030-06-01", amount = 100_000m }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        rep = await AtAsync(Monday.AddDays(1), 20, 0);
        (await rep.PostJsonAsync("/api/v1/visits/reports", DailyReportTests.Report(Monday.AddDays(1)))).StatusCode.Should().Be(HttpStatusCode.Created);

        // Wednesday: D visited and ordered (¥12,000), B visited again but never checked out; a competitor's promotion reported.
        rep = await AtAsync(Monday.AddDays(2), 10, 0);
        await CheckOutAsync(rep, await CheckInAsync(rep, d), ordered: true, cost: 30);
        await CheckInAsync(rep, b);
        await WinAsync(rep, d, 12_000m);
        var move = await (await rep.PostJsonAsync("/api/v1/visits/market-reports", new { kind = "competitorPromotion", severity = "notable", competitor = "某饮料", description = "买十送三" }))
            .ReadAsync<MarketReportDto>(HttpStatusCode.Created);
        (await rep.PostJsonAsync("/api/v1/visits/market-reports", new { kind = "productOpinion", severity = "minor", description = "新包装好看" })).StatusCode.Should().Be(HttpStatusCode.Created);

        // A complains on Wednesday at 10:00: a general customer's major complaint is due in 72 h, on Saturday at 10:00.
        (await rep.PostJsonAsync("/api/v1/complaints", new { customerId = a.Id, channel = "visit", severity = "major", title = "送货延迟", description = "上周订单晚到两天" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);

        // Thursday 11:00: Wednesday's report, half an hour after its cut-off. Monday, Thursday and Friday have none.
        rep = await AtAsync(Monday.AddDays(3), 11, 0);
        (await (await rep.PostJsonAsync("/api/v1/visits/reports", DailyReportTests.Report(Monday.AddDays(2)))).ReadAsync<DailyReportDto>(HttpStatusCode.Created)).Late.Should().BeTrue();
        await Eventually.HoldsAsync(async () => (await rep.GetAsync($"/api/v1/customers/{a.Id}")).IsSuccessStatusCode && (await LastVisitedAsync(rep, a.Id)) is not null, "the visits reach the timelines");

        // Sunday 23:59:59 in China: nothing compiled yet; a second later it is Monday and last week is compiled.
        app.Clock.SetUtcNow(new DateTimeOffset(2030, 6, 9, 15, 59, 59, TimeSpan.Zero));
        await app.RunJobsAsync();
        manager = await SignedInAsync(DemoUsers.ManagerEast);
        (await WeekAsync(manager)).Should().BeNull("Sunday 23:59:59 in China is still last week");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await app.RunJobsAsync();
        manager = await SignedInAsync(DemoUsers.ManagerEast);
        await Eventually.HoldsAsync(async () => await WeekAsync(manager) is not null, "Monday 00:00 in China compiles last week");

        var week = (await WeekAsync(manager))!;
        week.Should().BeEquivalentTo(new { TeamId = tuesdayPlan.TeamId, TeamName = "East", Status = WeeklyReportStatus.Draft });
        var figures = week.Figures;
        figures.Team.Should().BeEquivalentTo(new
        {
            Planned = 5, Visits = 4, EffectiveVisits = 3, OrderedVisits = 2, Cost = 60m, ReportsOnTime = 1, ReportsLate = 1, ReportsMissing = 3,
            EffectiveVisitRate = 60.0m, TransactionRate = 50.0m, CostPerVisit = 15m,
        });
        figures.Sales.Should().BeEquivalentTo(new
        {
            Orders = 2, OrderAmount = 20_000m, Collected = 0m, NewCustomers = 2, AverageSalesPerRep = 20_000m, MonthTarget = 100_000m, MonthAchieved = 20_000m, MonthAchievedPercent = 20.0m,
        });
        figures.Reps.Should().ContainSingle().Which.Should().BeEquivalentTo(new { RepName = "张伟", Activity = new { Planned = 5, Visits = 4 }, Sales = new { Orders = 2 } });
        figures.CompetitorMoves.Should().ContainSingle().Which.Should().BeEquivalentTo(new { ReportId = move.Id, Competitor = "某饮料", RepName = "张伟" });
        figures.AbnormalCustomers.Select(x => x.Name).Should().Equal("周报 丙");
        figures.AbnormalCustomerCount.Should().Be(1, "C, never visited, fell due on Saturday; A, B and D were visited");
        figures.ComplainingCustomerCount.Should().Be(1);
        figures.ComplainingCustomers.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { CustomerId = a.Id, Name = "周报 甲", OwnerName = "张伟", Open = 1, Overdue = 1 }, "A's complaint, due on Saturday, was still open when Monday counted the week");
        figures.FallingCustomerCount.Should().Be(1);
        figures.FallingCustomers.Should().ContainSingle().Which.Should().BeEquivalentTo(new { CustomerId = b.Id, Name = "周报 乙", OwnerName = "张伟", Previous = 10_000m, Recent = 4_999.99m });
        var suggestions = await (await SignedInAsync(DemoUsers.RepEast)).GetAsync("/api/v1/visits/plans/suggestions");
        var suggested = (await suggestions.ReadAsync<PlanSuggestionsDto>()).Customers.Select(x => x.CustomerName).ToList();
        suggested.Should().HaveCount(3).And.StartWith("周报 丙", "on Monday C is two days overdue; A and B, visited at the same moment, fell due on Sunday");
        suggested.Skip(1).Should().BeEquivalentTo(["周报 甲", "周报 乙"]);
        manager = await SignedInAsync(DemoUsers.ManagerEast);

        // The rows behind the figures: the team's effective visits of the week.
        (await (await manager.GetAsync($"/api/v1/visits/records?from={figures.From:yyyy-MM-dd}&to={figures.To:yyyy-MM-dd}&teamId={week.TeamId}&outcome=true"))
            .ReadAsync<List<VisitRecordDto>>()).Should().HaveCount(3);

        // The manager writes the plan and submits; the director is told; nobody else writes it.
        var rep2 = await SignedInAsync(DemoUsers.RepEast);
        (await rep2.SendWithIfMatchAsync(HttpMethod.Put, $"/api/v1/visits/weekly-reports/{week.Id}", new { plan = "x" }, week.Version)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var otherManager = await SignedInAsync(DemoUsers.ManagerWest);
        (await otherManager.GetAsync($"/api/v1/visits/weekly-reports/{week.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await (await manager.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/visits/weekly-reports/{week.Id}/submit", null, week.Version)).ShouldHaveFieldErrorAsync("plan", HttpStatusCode.UnprocessableEntity);
        var written = await (await manager.SendWithIfMatchAsync(HttpMethod.Put, $"/api/v1/visits/weekly-reports/{week.Id}", new { plan = "丙商行本周必访；跟进某饮料促销", comment = "有效拜访率偏低", nextWeekTarget = 30_000m }, week.Version))
            .ReadAsync<WeeklyReportDto>();
        var submitted = await (await manager.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/visits/weekly-reports/{week.Id}/submit", null, written.Version)).ReadAsync<WeeklyReportDto>();
        submitted.Status.Should().Be(WeeklyReportStatus.Submitted);
        (await manager.PostJsonAsync("/api/v1/visits/weekly-reports/compile", new { weekStart = Monday })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await WeekAsync(manager))!.Should().BeEquivalentTo(new { Status = WeeklyReportStatus.Submitted, CompiledAt = week.CompiledAt }, "a submitted week is not counted again");
        var director = await SignedInAsync(DemoUsers.Director);
        await Eventually.HoldsAsync(
            async () => (await (await director.GetAsync("/api/v1/me/notifications?limit=200")).ReadAsync<Page<NotificationDto>>()).Items.Any(n => n.Topic == "visits.weeklySubmitted"),
            "the director is told of the submitted week");

        // The director's month: the same counts for June, beside May.
        var month = await (await director.GetAsync("/api/v1/visits/monthly?year=2030&month=6")).ReadAsync<MonthlyViewDto>();
        month.Teams.Single(t => t.TeamId == week.TeamId).ThisMonth.Should().BeEquivalentTo(new { Visits = 4, EffectiveVisits = 3, OrderedVisits = 2, Planned = 5 });
        month.Teams.Single(t => t.TeamId == week.TeamId).Reps.Single().Should().BeEquivalentTo(new { NormToDate = 13, BelowNorm = true }, "on 10 June a third of June's norm of 40 is due, and 4 visits fall short");
        (await rep2.GetAsync("/api/v1/visits/monthly")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await (await manager.PostJsonAsync("/api/v1/visits/weekly-reports/compile", new { weekStart = Monday.AddDays(1) })).ShouldHaveFieldErrorAsync("weekStart");
    }

    private async Task<HttpClient> AtAsync(DateOnly day, int hour, int minute)
    {
        app.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8)).ToUniversalTime());
        return await SignedInAsync(DemoUsers.RepEast);
    }

    /// <summary>Tokens live eight hours of the API's clock: sign in again after moving it.</summary>
    private async Task<HttpClient> SignedInAsync(string userName)
    {
        app.ForgetSignIns();
        return await app.LoginAsync(userName);
    }

    private static async Task<WeeklyReportDto?> WeekAsync(HttpClient client) =>
        (await (await client.GetAsync($"/api/v1/visits/weekly-reports?from={Monday:yyyy-MM-dd}&to={Monday:yyyy-MM-dd}")).ReadAsync<List<WeeklyReportDto>>()).SingleOrDefault();

    private static async Task<VisitRecordDto> CheckInAsync(HttpClient rep, CustomerDto customer) =>
        await (await rep.PostJsonAsync("/api/v1/visits/records/check-in", new { customerId = customer.Id, purpose = "takeOrder" })).ReadAsync<VisitRecordDto>(HttpStatusCode.Created);

    private static async Task CheckOutAsync(HttpClient rep, VisitRecordDto visit, bool ordered, decimal cost) =>
        (await rep.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/visits/records/{visit.Id}/check-out", new { outcome = "谈妥", ordered, cost }, visit.Version))
            .StatusCode.Should().Be(HttpStatusCode.OK);

    private static async Task WinAsync(HttpClient rep, CustomerDto customer, decimal amount)
    {
        var deal = await (await rep.PostJsonAsync("/api/v1/deals", new { customerId = customer.Id, title = $"{customer.Name} 订单", amount })).ReadAsync<Deals.Features.DealDto>(HttpStatusCode.Created);
        (await rep.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/deals/{deal.Id}/win", new { }, deal.Version)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>A purchase as Deals reports one, made at <paramref name="chinaTime"/>.</summary>
    private async Task BoughtAsync(CustomerDto customer, decimal amount, DateTime chinaTime)
    {
        var at = new DateTimeOffset(chinaTime, TimeSpan.FromHours(8)).ToUniversalTime();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await IntegrationEventDelivery.DeliverAsync(scope.ServiceProvider, new RecordPurchase(Guid.CreateVersion7(), at, customer.Id, "往期订单", amount, "CNY", at, [], null, null, "deals"), CancellationToken.None);
    }

    private static async Task<DateTimeOffset?> LastVisitedAsync(HttpClient client, Guid customerId) =>
        (await (await client.GetAsync($"/api/v1/customers/{customerId}")).ReadAsync<CustomerDto>()).LastVisitedAt;

    private static async Task SetVisitCadenceAsync(HttpClient admin, int days)
    {
        var settings = await (await admin.GetAsync("/api/v1/customers/settings")).ReadAsync<CustomerSettingsDto>();
        var cadence = new TierCadences(settings.Cadence.Priority with { VisitEveryDays = days }, settings.Cadence.General with { VisitEveryDays = days }, settings.Cadence.Last with { VisitEveryDays = days });
        (await admin.SendWithIfMatchAsync(HttpMethod.Put, "/api/v1/customers/settings", new CustomerSettingsInput(cadence, settings.StaleAfterDays, settings.Pool, settings.ValueTiers, settings.Loyalty), settings.Version))
            .StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
