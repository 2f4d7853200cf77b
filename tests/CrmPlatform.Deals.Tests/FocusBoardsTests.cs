using System.Net;
using CrmPlatform.Deals.Features;
using static CrmPlatform.Deals.Tests.DealRequests;

namespace CrmPlatform.Deals.Tests;

/// <summary>看板管理: the week's focus (overdue, today, tomorrow, the week) and the month's plan week by week, from deals' next steps and expected closes.</summary>
public sealed class FocusBoardsTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task The_week_board_sorts_open_deals_by_their_next_step_and_expected_close()
    {
        // Wednesday 11 March 2026: its week runs Monday 9 to Sunday 15.
        var (rep, me) = await SeedAsync();

        var week = await (await rep.GetAsync($"{Url}/focus/week?day=2026-03-11&ownerId={me}")).ReadAsync<WeekFocusDto>();

        (week.WeekStart, week.WeekEnd).Should().Be((new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15)));
        week.Overdue.Select(c => c.Title).Should().Equal("A");
        week.Today.Select(c => c.Title).Should().Equal("B");
        week.Tomorrow.Select(c => c.Title).Should().Equal("C");
        week.Week.Select(c => c.Title).Should().Equal("E", "D", "F");
        week.Today[0].NextStep.Should().Be("B 的下一步");
    }

    [Fact]
    public async Task On_a_Sunday_tomorrow_is_the_next_weeks_Monday()
    {
        var (rep, me) = await SeedAsync();

        // Sunday 15 March closes the week of 9 to 15 March; I's next step is on Monday 16.
        var sunday = await (await rep.GetAsync($"{Url}/focus/week?day=2026-03-15&ownerId={me}")).ReadAsync<WeekFocusDto>();

        sunday.Tomorrow.Select(c => c.Title).Should().Equal("I");
        sunday.Overdue.Select(c => c.Title).Should().Equal("A", "B", "C", "D");
        sunday.Week.Select(c => c.Title).Should().Equal("E", "F");
    }

    [Fact]
    public async Task The_month_board_plans_week_by_week_and_names_the_work_that_crosses_weeks()
    {
        // March 2026 starts on a Sunday and ends on a Tuesday: its first and last weeks are cut to the month.
        var (rep, me) = await SeedAsync();

        var month = await (await rep.GetAsync($"{Url}/focus/month?month=2026-03-20&ownerId={me}")).ReadAsync<MonthFocusDto>();

        (month.MonthStart, month.MonthEnd).Should().Be((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)));
        month.Weeks.Select(w => (w.Start.Day, w.End.Day)).Should().Equal((1, 1), (2, 8), (9, 15), (16, 22), (23, 29), (30, 31));
        month.Weeks.Select(w => string.Join(",", w.Closing.Select(c => c.Title))).Should().Equal("", "", "E,F", "A", "", "D");
        month.Weeks.Select(w => string.Join(",", w.NextSteps.Select(c => c.Title))).Should().Equal("", "", "A,B,C,D", "I,F", "G", "");
        month.Weeks[2].Should().BeEquivalentTo(new { ExpectedAmount = 11_000m, WeightedAmount = 1_100m });
        month.CrossWeek.Select(c => c.Title).Should().Equal("A", "D");
        (month.ExpectedAmount, month.WeightedAmount, month.Won).Should().Be((16_000m, 1_600m, 5_000m));
        await (await rep.GetAsync($"{Url}/focus/month?month=March")).ShouldHaveFieldErrorAsync("month");
    }

    /// <summary>
    /// One rep's deals around that week, each named by a letter, written once for the class: H is lost, so it is on no list;
    /// G closes next month; I's next step is the Monday after; W was won on 5 March.
    /// </summary>
    private async Task<(HttpClient Rep, Guid Me)> SeedAsync()
    {
        var rep = await app.LoginAsync(DemoUsers.RepWest);
        var me = (await rep.MeAsync()).Id;
        var existing = await (await rep.GetAsync($"{Url}?q=看板周月&limit=200")).ReadAsync<CrmPlatform.BuildingBlocks.Paging.Page<DealCardDto>>();
        if (existing.Items.Count > 0)
        {
            return (rep, me);
        }

        var customer = await rep.NewCustomerAsync("看板周月商行");
        var deals = new List<DealDto>();
        foreach (var (title, amount, step, close) in new (string, decimal, string?, string?)[]
                 {
                     ("A", 1_000m, "2026-03-10", "2026-03-20"), ("B", 2_000m, "2026-03-11", null), ("C", 3_000m, "2026-03-12", null),
                     ("D", 4_000m, "2026-03-14", "2026-03-31"), ("E", 5_000m, null, "2026-03-13"), ("F", 6_000m, "2026-03-18", "2026-03-15"),
                     ("G", 7_000m, "2026-03-25", "2026-04-10"), ("H", 8_000m, "2026-03-11", "2026-03-12"), ("I", 9_000m, "2026-03-16", null),
                 })
        {
            var body = new { customerId = customer.Id, title, amount, nextStep = step is null ? null : $"{title} 的下一步", nextStepDue = step, expectedCloseOn = close };
            deals.Add(await (await rep.PostJsonAsync(Url, body)).ReadAsync<DealDto>(HttpStatusCode.Created));
        }

        (await rep.LoseAsync(deals[7], "timing")).StatusCode.Should().Be(HttpStatusCode.OK);
        var won = await rep.OpenDealAsync(customer.Id, "W", 5_000m);
        (await rep.WinAsync(won, new DateOnly(2026, 3, 5))).StatusCode.Should().Be(HttpStatusCode.OK);
        return (rep, me);
    }
}
