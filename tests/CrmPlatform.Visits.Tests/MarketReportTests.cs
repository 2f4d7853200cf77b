using System.Net;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Identity.Features;
using CrmPlatform.Visits.Domain;
using CrmPlatform.Visits.Features;
using static CrmPlatform.Visits.Tests.VisitRequests;

namespace CrmPlatform.Visits.Tests;

/// <summary>市场状况反映表: what reps see in the market; a serious report reaches their manager and the directors at once.</summary>
public sealed class MarketReportTests(CrmApp app) : DayBoundTests, IClassFixture<CrmApp>
{
    private const string Reports = "/api/v1/visits/market-reports";

    [Fact]
    public async Task A_serious_report_tells_the_reps_managers_and_the_directors_once_and_the_manager_acknowledges_it()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var director = await app.LoginAsync(DemoUsers.Director);
        var otherManager = await app.LoginAsync(DemoUsers.ManagerWest);
        var customer = await rep.NewCustomerAsync("市场 华联超市");

        var minor = await (await rep.PostJsonAsync(Reports, new { kind = "productOpinion", severity = "minor", customerId = customer.Id, description = "顾客说新包装好看" }))
            .ReadAsync<MarketReportDto>(HttpStatusCode.Created);
        minor.Should().BeEquivalentTo(new { ObservedOn = ChinaDay.Today(), CustomerName = "市场 华联超市", RepName = "张伟", Status = MarketReportStatus.Open });
        var serious = await (await rep.PostJsonAsync(Reports, new
        {
            kind = "competitorPromotion",
            severity = "serious",
            competitor = "某饮料",
            product = "矿泉水 550ml",
            description = "某饮料在华联超市买十送三，持续到月底，我们的陈列被挤到第二排",
            suggestedAction = "申请同期堆头和试饮",
        })).ReadAsync<MarketReportDto>(HttpStatusCode.Created);

        await Eventually.HoldsAsync(async () => (await AlertsAsync(manager)).Count > 0 && (await AlertsAsync(director)).Count > 0, "the outbox tells the manager and the director");
        await Task.Delay(500);
        (await AlertsAsync(manager)).Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Link = $"/visits/market-reports/{serious.Id}",
            Data = new Dictionary<string, string>
            {
                ["reportId"] = serious.Id.ToString(),
                ["kind"] = "competitorPromotion",
                ["repName"] = "张伟",
                ["observedOn"] = $"{ChinaDay.Today():yyyy-MM-dd}",
                ["summary"] = "某饮料在华联超市买十送三，持续到月底，我们的陈列被挤到第二排",
            },
        });
        (await AlertsAsync(director)).Should().ContainSingle();
        (await AlertsAsync(otherManager)).Should().BeEmpty("another team's manager is not told");
        (await AlertsAsync(rep)).Should().BeEmpty("the rep knows");

        var seriousOnly = await (await manager.GetAsync($"{Reports}?severity=serious")).ReadAsync<List<MarketReportDto>>();
        seriousOnly.Select(r => r.Id).Should().Equal(serious.Id);
        (await otherManager.GetAsync($"{Reports}/{serious.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await rep.SendWithIfMatchAsync(HttpMethod.Post, $"{Reports}/{serious.Id}/acknowledge", new { }, serious.Version)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await otherManager.SendWithIfMatchAsync(HttpMethod.Post, $"{Reports}/{serious.Id}/acknowledge", new { }, serious.Version)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var acknowledged = await (await manager.SendWithIfMatchAsync(HttpMethod.Post, $"{Reports}/{serious.Id}/acknowledge", new { response = "同意堆头，明天报费用" }, serious.Version))
            .ReadAsync<MarketReportDto>();
        acknowledged.Should().BeEquivalentTo(new { Status = MarketReportStatus.Acknowledged, Response = "同意堆头，明天报费用" });
        (await manager.SendWithIfMatchAsync(HttpMethod.Post, $"{Reports}/{serious.Id}/acknowledge", new { }, acknowledged.Version)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await (await manager.GetAsync($"{Reports}?status=open")).ReadAsync<List<MarketReportDto>>()).Select(r => r.Id).Should().Equal(minor.Id);
    }

    [Fact]
    public async Task A_report_names_a_customer_the_rep_can_see_when_it_is_about_people_and_tells_of_a_day_that_has_begun()
    {
        var rep = await app.LoginAsync(DemoUsers.RepWest);
        await (await rep.PostJsonAsync(Reports, new { kind = "personnelChange", severity = "notable", description = "采购经理换人了" })).ShouldHaveFieldErrorAsync("customerId");
        await (await rep.PostJsonAsync(Reports, new { kind = "other", severity = "minor", description = " " })).ShouldHaveFieldErrorAsync("description");
        await (await rep.PostJsonAsync(Reports, new { kind = "other", severity = "minor", description = "x", observedOn = ChinaDay.Today().AddDays(1) }))
            .ShouldHaveFieldErrorAsync("observedOn", HttpStatusCode.UnprocessableEntity);
        var eastCustomer = await (await app.LoginAsync(DemoUsers.RepEast)).NewCustomerAsync("市场 东区客户");
        await (await rep.PostJsonAsync(Reports, new { kind = "personnelChange", severity = "notable", customerId = eastCustomer.Id, description = "采购经理换人了" }))
            .ShouldHaveFieldErrorAsync("customerId", HttpStatusCode.UnprocessableEntity);
    }

    private static async Task<List<NotificationDto>> AlertsAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/v1/me/notifications?limit=200")).ReadAsync<Page<NotificationDto>>()).Items.Where(n => n.Topic == "visits.seriousMarketReport")];
}
