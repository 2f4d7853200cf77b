using System.Net;
using CrmPlatform.Visits.Domain;
using CrmPlatform.Visits.Features;
using static CrmPlatform.Visits.Tests.VisitRequests;

namespace CrmPlatform.Visits.Tests;

/// <summary>每日销售报告表: the rep files the day's report from their visits and sales, corrects it until their manager comments (批示).</summary>
public sealed class DailyReportTests(CrmApp app) : DayBoundTests, IClassFixture<CrmApp>
{
    private const string Reports = "/api/v1/visits/reports";

    [Fact]
    public async Task A_report_starts_from_the_days_visits_and_sales_is_filed_once_corrected_and_commented_by_the_reps_manager_only()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var today = ChinaDay.Today();
        var customers = await Task.WhenAll(new[] { "日报 甲", "日报 乙", "日报 丙" }.Select(name => rep.NewCustomerAsync(name)));
        var visits = new List<VisitRecordDto>();
        foreach (var customer in customers)
        {
            visits.Add(await (await rep.PostJsonAsync("/api/v1/visits/records/check-in", new { customerId = customer.Id, purpose = "takeOrder" })).ReadAsync<VisitRecordDto>(HttpStatusCode.Created));
        }

        (await rep.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/visits/records/{visits[0].Id}/check-out", new { outcome = "订货二十箱", cost = 30 }, visits[0].Version)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await rep.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/visits/records/{visits[1].Id}/check-out", new { outcome = "老板不在，留了资料" }, visits[1].Version)).StatusCode.Should().Be(HttpStatusCode.OK);
        var deal = await (await rep.PostJsonAsync("/api/v1/deals", new { customerId = customers[0].Id, title = "日报 订单", amount = 8_000m })).ReadAsync<Deals.Features.DealDto>(HttpStatusCode.Created);
        (await rep.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/deals/{deal.Id}/win", new { }, deal.Version)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await manager.PostJsonAsync("/api/v1/targets", new { kind = "revenue", level = "rep", subjectId = visits[0].RepId, period = "month", startsOn = new DateOnly(today.Year, today.Month, 1), amount = 100_000m }))
            .StatusCode.Should().Be(HttpStatusCode.Created);

        var draft = await (await rep.GetAsync($"{Reports}/draft")).ReadAsync<DailyReportDraftDto>();
        draft.Should().BeEquivalentTo(new
        {
            Day = today,
            Efficiency = new { Visits = 3, EffectiveVisits = 2, Cost = 30m, OrdersPerVisit = 0.33m, CostPerVisit = 10m },
            Sales = new { Orders = 1, OrderAmount = 8_000m, Collected = 0m },
            MonthTarget = 100_000m,
            MonthAchieved = 8_000m,
            ReportId = (Guid?)null,
        });
        draft.Visits.Select(v => v.CustomerName).Should().Equal("日报 甲", "日报 乙", "日报 丙");
        draft.DueAt.Should().Be(new DateTimeOffset(today.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)), "the cut-off is 09:00 the next morning in China");

        await (await rep.PostJsonAsync(Reports, Report(today.AddDays(1)))).ShouldHaveFieldErrorAsync("day", HttpStatusCode.UnprocessableEntity);
        await (await rep.PostJsonAsync(Reports, Report(today, orders: -1))).ShouldHaveFieldErrorAsync("orders");
        var filed = await (await rep.PostJsonAsync(Reports, Report(today))).ReadAsync<DailyReportDto>(HttpStatusCode.Created);
        filed.Should().BeEquivalentTo(new
        {
            Status = ReportStatus.Submitted,
            Late = false,
            RepName = "张伟",
            Attendance = Attendance.Present,
            Lessons = "先约再访，少跑空",
            Efficiency = new { Visits = 3, EffectiveVisits = 2, Cost = 30m, OrdersPerVisit = 0.33m },
            MonthAchievedPercent = 8.0m,
        });
        (await rep.PostJsonAsync(Reports, Report(today))).StatusCode.Should().Be(HttpStatusCode.Conflict);

        (await rep.SendWithIfMatchAsync(HttpMethod.Post, $"{Reports}/{filed.Id}/review", new { comment = "自批" }, filed.Version)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var otherManager = await app.LoginAsync(DemoUsers.ManagerWest);
        (await otherManager.SendWithIfMatchAsync(HttpMethod.Post, $"{Reports}/{filed.Id}/review", new { comment = "越权" }, filed.Version)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await otherManager.GetAsync($"{Reports}/{filed.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await (await manager.SendWithIfMatchAsync(HttpMethod.Post, $"{Reports}/{filed.Id}/review", new { comment = " " }, filed.Version)).ShouldHaveFieldErrorAsync("comment");
        (await (await manager.GetAsync($"{Reports}?status=submitted")).ReadAsync<List<DailyReportDto>>()).Should().ContainSingle(r => r.Id == filed.Id);

        var corrected = await (await rep.SendWithIfMatchAsync(HttpMethod.Put, $"{Reports}/{filed.Id}", Report(today, orders: 2), filed.Version)).ReadAsync<DailyReportDto>();
        corrected.Efficiency.OrdersPerVisit.Should().Be(0.67m);
        (await manager.SendWithIfMatchAsync(HttpMethod.Post, $"{Reports}/{filed.Id}/review", new { comment = "好" }, filed.Version)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        var reviewed = await (await manager.SendWithIfMatchAsync(HttpMethod.Post, $"{Reports}/{filed.Id}/review", new { comment = "乙商行下周再约，带上样品" }, corrected.Version))
            .ReadAsync<DailyReportDto>();
        reviewed.Should().BeEquivalentTo(new { Status = ReportStatus.Reviewed, ReviewComment = "乙商行下周再约，带上样品" });
        (await (await manager.GetAsync($"{Reports}?status=submitted")).ReadAsync<List<DailyReportDto>>()).Should().NotContain(r => r.Id == filed.Id);
        await (await rep.SendWithIfMatchAsync(HttpMethod.Put, $"{Reports}/{filed.Id}", Report(today), reviewed.Version)).ShouldHaveFieldErrorAsync("status", HttpStatusCode.UnprocessableEntity);
        (await (await rep.GetAsync($"{Reports}/draft")).ReadAsync<DailyReportDraftDto>()).ReportId.Should().Be(filed.Id);
    }

    [Fact]
    public async Task Compiles_of_one_week_at_the_same_time_all_answer_and_leave_one_report()
    {
        var manager = await app.LoginAsync(DemoUsers.ManagerWest);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => manager.PostJsonAsync("/api/v1/visits/weekly-reports/compile", new { })));
        answers.Select(a => a.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        var weeks = await (await manager.GetAsync("/api/v1/visits/weekly-reports")).ReadAsync<List<WeeklyReportDto>>();
        weeks.Should().ContainSingle("one report per team and week, however many compile it at once");
        (await (await app.LoginAsync(DemoUsers.RepWest)).PostJsonAsync("/api/v1/visits/weekly-reports/compile", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    internal static object Report(DateOnly day, int orders = 1) => new
    {
        day,
        attendance = "present",
        complaintsHandled = 1,
        complaintNotes = "丙商行反映送货晚了半天",
        orders,
        orderAmount = 8_000m,
        collected = 0m,
        competitorInfo = "某品牌在华东搞买十送一",
        customerFeedback = "新包装好卖",
        customerNews = "甲商行下月开分店",
        lessons = "先约再访，少跑空",
    };
}
