using System.Net;
using CrmPlatform.Deals.Features;
using static CrmPlatform.Deals.Tests.DealRequests;

namespace CrmPlatform.Deals.Tests;

/// <summary>
/// 评价推销的效率: the activity funnel counted from what reps recorded. Seed 001's first table (100 calls → 50 completed →
/// 13 appointments → 13 recommendations → 5 deals → ¥200,000) is reproduced from data; its second table (¥200 of sales and
/// ¥10 of commission per call at 5 %) only follows from ¥20,000 of sales, and the product computes, it does not copy.
/// </summary>
public sealed class FunnelTests(CrmApp app) : DayBoundTests, IClassFixture<CrmApp>
{
    [Fact]
    public async Task Seed_001s_funnel_is_counted_from_calls_meetings_stage_moves_and_wins_and_each_per_call_figure_is_computed()
    {
        var director = await app.LoginAsync(DemoUsers.Director);
        var west = await app.LoginAsync(DemoUsers.RepWest);
        var east = await app.LoginAsync(DemoUsers.RepEast);
        var (westId, eastId) = ((await west.MeAsync()).Id, (await east.MeAsync()).Id);

        await RecordActivityAsync(west, "漏斗 西", calls: 100, reached: 50, appointments: 13, recommendations: 13, wins: [40_000m, 40_000m, 40_000m, 40_000m, 40_000m], callMinutes: 6);
        await RecordActivityAsync(east, "漏斗 东", calls: 100, reached: 50, appointments: 13, recommendations: 13, wins: [4_000m, 4_000m, 4_000m, 4_000m, 4_000m]);

        var month = await FunnelAsync(director, $"ownerId={westId}");
        month.Reps.Should().ContainSingle().Which.RepName.Should().Be("刘洋");
        month.Total.Should().BeEquivalentTo(new
        {
            CallsMade = 100, CallsReached = 50, Appointments = 13, Recommendations = 13, DealsWon = 5, Amount = 200_000m,
            RevenuePerCall = 2_000m, Commission = 10_000m, CommissionPerCall = 100m, SellingHours = 10m, SalesPerHour = 20_000m,
        }, "¥200,000 over 100 calls is ¥2,000 a call and ¥100 of commission at 5 %, not the ¥200 and ¥10 seed 001 prints; 100 six-minute calls are 10 hours of selling");
        month.CommissionPercent.Should().Be(5m);

        var twentyThousand = await FunnelAsync(director, $"ownerId={eastId}");
        twentyThousand.Total.Should().BeEquivalentTo(new { Amount = 20_000m, RevenuePerCall = 200m, Commission = 1_000m, CommissionPerCall = 10m, SellingHours = (decimal?)null, SalesPerHour = (decimal?)null },
            "seed 001's ¥200 and ¥10 a call are what ¥20,000 of sales over 100 calls make");

        (await FunnelAsync(director, $"ownerId={westId}&commissionPercent=3.5")).Total.Should().BeEquivalentTo(new { Commission = 7_000m, CommissionPerCall = 70m });

        // Whose funnel: a rep sees their own, a manager the team's, a director everyone's.
        (await FunnelAsync(west, string.Empty)).Reps.Select(r => r.RepId).Should().Equal(westId);
        (await FunnelAsync(west, $"ownerId={eastId}")).Reps.Should().BeEmpty();
        (await FunnelAsync(await app.LoginAsync(DemoUsers.ManagerEast), string.Empty)).Reps.Select(r => r.RepId).Should().Equal(eastId);
        var everyone = await FunnelAsync(director, string.Empty);
        everyone.Reps.Select(r => r.RepId).Should().Equal(westId, eastId);
        everyone.Total.Should().BeEquivalentTo(new { CallsMade = 200, DealsWon = 10, Amount = 220_000m });

        var yesterday = ChinaDay.Today().AddDays(-1);
        (await FunnelAsync(director, $"from={yesterday.AddDays(-30):yyyy-MM-dd}&to={yesterday:yyyy-MM-dd}")).Total.CallsMade.Should().Be(0, "today's activity is outside the period");
        await (await director.GetAsync($"{Url}/funnel?from=2026-01-10&to=2026-01-01")).ShouldHaveFieldErrorAsync("to");
        await (await director.GetAsync($"{Url}/funnel?from=2024-01-01&to=2026-01-01")).ShouldHaveFieldErrorAsync("to");
        await (await director.GetAsync($"{Url}/funnel?commissionPercent=101")).ShouldHaveFieldErrorAsync("commissionPercent");
        var customer = await west.NewCustomerAsync("漏斗 计时");
        await (await west.PostJsonAsync($"/api/v1/customers/{customer.Id}/interactions", new { kind = "note", summary = "备忘", durationMinutes = 5 })).ShouldHaveFieldErrorAsync("durationMinutes");
        await (await west.PostJsonAsync($"/api/v1/customers/{customer.Id}/interactions", new { kind = "visit", summary = "拜访", durationMinutes = 1441 })).ShouldHaveFieldErrorAsync("durationMinutes");
    }

    /// <summary>What a rep records in a day: calls (some reaching the customer), meetings and visits, deals moved to the recommend stage, wins.</summary>
    private static async Task RecordActivityAsync(HttpClient rep, string name, int calls, int reached, int appointments, int recommendations, decimal[] wins, int? callMinutes = null)
    {
        var customer = await rep.NewCustomerAsync(name);
        for (var i = 0; i < calls; i++)
        {
            var outcome = i < reached ? "reached" : "notReached";
            (await rep.PostJsonAsync($"/api/v1/customers/{customer.Id}/interactions", new { kind = "call", outcome, summary = $"电话 {i}", durationMinutes = callMinutes }))
                .StatusCode.Should().Be(HttpStatusCode.Created);
        }

        for (var i = 0; i < appointments; i++)
        {
            (await rep.PostJsonAsync($"/api/v1/customers/{customer.Id}/interactions", new { kind = i % 2 == 0 ? "meeting" : "visit", summary = $"约见 {i}" }))
                .StatusCode.Should().Be(HttpStatusCode.Created);
        }

        for (var i = 0; i < recommendations; i++)
        {
            var deal = await rep.OpenDealAsync(customer.Id, $"{name} 推荐 {i}", i < wins.Length ? wins[i] : 1_000m);
            var recommended = await (await rep.MoveAsync(deal, "recommend")).ReadAsync<DealDto>();
            if (i < wins.Length)
            {
                (await rep.WinAsync(recommended)).StatusCode.Should().Be(HttpStatusCode.OK);
            }
        }
    }

    private static async Task<FunnelDto> FunnelAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"{Url}/funnel?{query}")).ReadAsync<FunnelDto>();
}
