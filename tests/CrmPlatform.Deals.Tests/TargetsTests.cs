using System.Net;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Features;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Features;
using static CrmPlatform.Deals.Tests.DealRequests;

namespace CrmPlatform.Deals.Tests;

/// <summary>销售目标: targets of four kinds, decomposed from the company to reps and months (目标分解), and their progress counted from data.</summary>
public sealed class TargetsTests(CrmApp app) : DayBoundTests, IClassFixture<CrmApp>
{
    private const string Targets = "/api/v1/targets";

    [Fact]
    public async Task A_director_splits_the_company_target_down_the_organisation_a_manager_splits_the_team_s_among_reps_and_months_and_splits_must_add_up()
    {
        var director = await app.LoginAsync(DemoUsers.Director);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var organisation = await (await director.GetAsync($"{Targets}/organisation")).ReadAsync<TargetOrganisationDto>();
        var east = organisation.Regions.Single(r => r.Name == "华东");
        var west = organisation.Regions.Single(r => r.Name == "西南");
        var eastTeam = east.Teams.Single();
        var repEast = (await rep.MeAsync()).Id;
        var managerEast = (await manager.MeAsync()).Id;

        var company = await CreateAsync(director, new { kind = "revenue", level = "company", period = "year", startsOn = "2024-01-01", amount = 1_000_000m });
        company.Target.Should().BeEquivalentTo(new { Level = TargetLevel.Company, SubjectId = (Guid?)null, EndsOn = new DateOnly(2024, 12, 31), Amount = 1_000_000m, Currency = "CNY", Split = (TargetSplit?)null });

        var short_ = await (await SplitAsync(director, company.Target, "subjects", null, Share(east.Id, 600_000m), Share(west.Id, 300_000m)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        short_.GetProperty("errors").GetProperty("children")[0].GetString().Should().Contain("900,000").And.Contain("1,000,000");
        await (await SplitAsync(director, company.Target, "subjects", null, Share(east.Id, 500_000m), Share(eastTeam.Id, 500_000m)))
            .ShouldHaveFieldErrorAsync("children[1].subjectId");
        await (await SplitAsync(director, company.Target, "subjects", null, Share(east.Id, 500_000m), Share(east.Id, 500_000m)))
            .ShouldHaveFieldErrorAsync("children[1].subjectId");
        await (await SplitAsync(director, company.Target, "subjects", null, Share(repEast, 1_000_000m))).ShouldHaveFieldErrorAsync("children[0].subjectId");

        var byRegion = await (await SplitAsync(director, company.Target, "subjects", null, Share(east.Id, 600_000m), Share(west.Id, 400_000m))).ReadAsync<TargetTreeDto>();
        byRegion.Target.Should().BeEquivalentTo(new { Split = TargetSplit.Subjects, Children = 2 });
        byRegion.Children.Select(c => (c.Level, c.SubjectName, c.Amount)).Should().BeEquivalentTo([(TargetLevel.Region, "华东", 600_000m), (TargetLevel.Region, "西南", 400_000m)]);
        await (await SplitAsync(director, company.Target, "subjects", null, Share(east.Id, 1_000_000m))).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var eastRegion = byRegion.Children.Single(c => c.SubjectId == east.Id);
        var byTeam = await (await SplitAsync(director, eastRegion, "subjects", null, Share(eastTeam.Id, 600_000m))).ReadAsync<TargetTreeDto>();
        var teamTarget = byTeam.Children.Single();
        (teamTarget.Level, teamTarget.TeamId, teamTarget.CanChange).Should().Be((TargetLevel.Team, eastTeam.Id, true));

        // The team's manager splits the team's target among its members, then a rep's year into months.
        (await manager.GetAsync($"{Targets}/{company.Target.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await (await SplitAsync(manager, teamTarget, "subjects", null, Share(repEast, 400_000m), Share(Guid.CreateVersion7(), 200_000m)))
            .ShouldHaveFieldErrorAsync("children[1].subjectId");
        var byRep = await (await SplitAsync(manager, teamTarget, "subjects", null, Share(repEast, 400_000m), Share(managerEast, 200_000m))).ReadAsync<TargetTreeDto>();
        var repTarget = byRep.Children.Single(c => c.SubjectId == repEast);
        (repTarget.SubjectName, repTarget.Amount).Should().Be(("张伟", 400_000m));

        object[] months = [.. Enumerable.Range(1, 12).Select(m => Month(2024, m, m == 12 ? 33_333.37m : 33_333.33m))];
        await (await SplitAsync(manager, repTarget, "periods", "week", months)).ShouldHaveFieldErrorAsync("period");
        await (await SplitAsync(manager, repTarget, "periods", "month", Month(2024, 1, 200_000m), new { startsOn = "2024-02-15", amount = 200_000m }))
            .ShouldHaveFieldErrorAsync("children[1].startsOn");
        await (await SplitAsync(manager, repTarget, "periods", "month", Month(2024, 1, 200_000m), Month(2025, 1, 200_000m)))
            .ShouldHaveFieldErrorAsync("children[1].startsOn");
        var byMonth = await (await SplitAsync(manager, repTarget, "periods", "month", months)).ReadAsync<TargetTreeDto>();
        byMonth.Children.Should().HaveCount(12).And.BeInAscendingOrder(c => c.StartsOn);
        byMonth.Children.Sum(c => c.Amount).Should().Be(400_000m);
        byMonth.Children[1].Should().BeEquivalentTo(new { Period = TargetPeriod.Month, StartsOn = new DateOnly(2024, 2, 1), EndsOn = new DateOnly(2024, 2, 29) });

        // A share that is split itself changes only with its own split.
        var teamNow = (await (await manager.GetAsync($"{Targets}/{teamTarget.Id}")).ReadAsync<TargetTreeDto>()).Target;
        await (await SplitAsync(manager, teamNow, "subjects", null, Share(repEast, 300_000m), Share(managerEast, 300_000m)))
            .ShouldHaveFieldErrorAsync("children", HttpStatusCode.UnprocessableEntity);
        await (await SplitAsync(manager, teamNow, "subjects", null, Share(managerEast, 600_000m)))
            .ShouldHaveFieldErrorAsync("children", HttpStatusCode.UnprocessableEntity);

        // A rep sees their team's target and their own, and changes neither; another team sees none of it.
        var repView = await (await rep.GetAsync($"{Targets}?year=2024")).ReadAsync<TargetListDto>();
        repView.Items.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = teamTarget.Id, CanChange = false });
        var teamForRep = await (await rep.GetAsync($"{Targets}/{teamTarget.Id}")).ReadAsync<TargetTreeDto>();
        teamForRep.Children.Should().ContainSingle().Which.SubjectId.Should().Be(repEast, "a rep does not see a colleague's target");
        (await SplitAsync(rep, repTarget, "periods", "quarter", Quarter(2024, 1, 400_000m))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        foreach (var outsider in new[] { await app.LoginAsync(DemoUsers.ManagerWest), await app.LoginAsync(DemoUsers.RepWest) })
        {
            (await outsider.GetAsync($"{Targets}/{teamTarget.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await (await outsider.GetAsync($"{Targets}?year=2024")).ReadAsync<TargetListDto>()).Items.Should().BeEmpty();
        }

        var directorView = await (await director.GetAsync($"{Targets}?year=2024&kind=revenue")).ReadAsync<TargetListDto>();
        directorView.Items.Should().ContainSingle().Which.Id.Should().Be(company.Target.Id, "the top of a director's view is the company");
    }

    [Fact]
    public async Task Targets_are_set_once_per_subject_and_period_by_whoever_may_and_their_amounts_fit_their_kind()
    {
        var director = await app.LoginAsync(DemoUsers.Director);
        var managerWest = await app.LoginAsync(DemoUsers.ManagerWest);
        var repEast = await (await app.LoginAsync(DemoUsers.RepEast)).MeAsync();

        await (await director.PostJsonAsync(Targets, new { kind = "newCustomers", level = "company", period = "year", startsOn = "2023-01-01", amount = 1.5m }))
            .ShouldHaveFieldErrorAsync("amount");
        await (await director.PostJsonAsync(Targets, new { kind = "collections", level = "company", period = "year", startsOn = "2023-01-01", productCategory = "饮料", amount = 1m }))
            .ShouldHaveFieldErrorAsync("productCategory");
        await (await director.PostJsonAsync(Targets, new { kind = "revenue", level = "company", period = "quarter", startsOn = "2023-02-01", amount = 1m }))
            .ShouldHaveFieldErrorAsync("startsOn");
        await (await director.PostJsonAsync(Targets, new { kind = "revenue", level = "company", period = "week", startsOn = "2023-01-03", amount = 1m }))
            .ShouldHaveFieldErrorAsync("startsOn");
        await (await director.PostJsonAsync(Targets, new { kind = "revenue", level = "team", period = "month", startsOn = "2023-01-01", amount = 1m }))
            .ShouldHaveFieldErrorAsync("subjectId");
        await (await director.PostJsonAsync(Targets, new { kind = "revenue", level = "team", subjectId = repEast.Id, period = "month", startsOn = "2023-01-01", amount = 1m }))
            .ShouldHaveFieldErrorAsync("subjectId", HttpStatusCode.UnprocessableEntity);

        var week = await CreateAsync(director, new { kind = "newCustomers", level = "rep", subjectId = repEast.Id, period = "week", startsOn = "2023-01-02", amount = 3m });
        (week.Target.EndsOn, week.Target.Currency, week.Target.TeamId).Should().Be((new DateOnly(2023, 1, 8), null, repEast.TeamId));
        (await director.PostJsonAsync(Targets, new { kind = "newCustomers", level = "rep", subjectId = repEast.Id, period = "week", startsOn = "2023-01-02", amount = 4m }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await managerWest.PostJsonAsync(Targets, new { kind = "revenue", level = "rep", subjectId = repEast.Id, period = "month", startsOn = "2023-01-01", amount = 1m }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await managerWest.PostJsonAsync(Targets, new { kind = "revenue", level = "company", period = "year", startsOn = "2023-01-01", amount = 1m }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await app.LoginAsync(DemoUsers.RepEast)).PostJsonAsync(Targets, new { kind = "revenue", level = "rep", subjectId = repEast.Id, period = "month", startsOn = "2023-01-01", amount = 1m }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await (await SplitAsync(director, week.Target, "periods", "day", Day("2023-01-02", 1m), Day("2023-01-03", 1.5m), Day("2023-01-04", 0.5m)))
            .ShouldHaveFieldErrorAsync("children[1].amount");

        var changed = await (await director.SendWithIfMatchAsync(HttpMethod.Put, $"{Targets}/{week.Target.Id}", new { amount = 5m }, week.Target.Version)).ReadAsync<TargetTreeDto>();
        changed.Target.Amount.Should().Be(5m);
        var byDay = await (await SplitAsync(director, changed.Target, "periods", "day", Day("2023-01-02", 2m), Day("2023-01-04", 3m))).ReadAsync<TargetTreeDto>();
        await (await director.SendWithIfMatchAsync(HttpMethod.Put, $"{Targets}/{week.Target.Id}", new { amount = 6m }, byDay.Target.Version))
            .ShouldHaveFieldErrorAsync("amount", HttpStatusCode.UnprocessableEntity);
        await (await director.SendWithIfMatchAsync(HttpMethod.Put, $"{Targets}/{byDay.Children[0].Id}", new { amount = 6m }, byDay.Children[0].Version))
            .ShouldHaveFieldErrorAsync("amount", HttpStatusCode.UnprocessableEntity);

        (await director.SendWithIfMatchAsync(HttpMethod.Delete, $"{Targets}/{week.Target.Id}", null, byDay.Target.Version)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await director.GetAsync($"{Targets}/{byDay.Children[0].Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a split goes with its target");
    }

    [Fact]
    public async Task Progress_counts_won_deals_for_their_winner_margin_where_cost_is_known_new_customers_by_first_win_and_payments_by_the_day_they_came()
    {
        var director = await app.LoginAsync(DemoUsers.Director);
        var rep = await app.LoginAsync(DemoUsers.RepWest);
        var me = await rep.MeAsync();
        var drinks = await (await director.PostJsonAsync("/api/v1/products", new { name = "目标 矿泉水", unit = "箱", category = "目标饮料", listPrice = 100m, cost = 60m }))
            .ReadAsync<ProductDto>(HttpStatusCode.Created);

        var first = await rep.NewCustomerAsync("目标 新客户甲");
        var old = await rep.NewCustomerAsync("目标 老客户乙");
        await WinOnAsync(rep, old.Id, "去年的单", 7_000m, new DateOnly(2021, 12, 20));
        var mixed = await (await rep.PostJsonAsync(Url, Body(first.Id, "饮料加杂货", lines:
        [
            new { productId = drinks.Id, quantity = 50m },
            Line("杂货", 10, 250m, unitCost: 200m),
        ]))).ReadAsync<DealDto>(HttpStatusCode.Created);
        var mixedWon = await (await rep.WinAsync(mixed, new DateOnly(2022, 3, 10))).ReadAsync<DealDto>();
        await WinOnAsync(rep, first.Id, "无成本单", 4_000m, new DateOnly(2022, 5, 1));
        await WinOnAsync(rep, old.Id, "老客户复购", 1_000m, new DateOnly(2022, 6, 1));
        var invoice = await (await rep.PostJsonAsync($"{Url}/{mixedWon.Id}/invoices", new { amount = 7_500m, issuedOn = "2022-03-10", dueOn = "2022-04-10" }))
            .ReadAsync<InvoiceDto>(HttpStatusCode.Created);
        await rep.PostJsonAsync($"/api/v1/collections/invoices/{invoice.Id}/payments", new { amount = 2_000m, receivedOn = "2022-03-31" });
        await rep.PostJsonAsync($"/api/v1/collections/invoices/{invoice.Id}/payments", new { amount = 3_000m, receivedOn = "2023-01-05" });

        // Revenue 7,500 + 4,000 + 1,000; margin only where cost is known: (5,000 − 3,000) + (2,500 − 2,000).
        var revenue = await CreateAsync(director, RepYear("revenue", me.Id, 2022, 25_000m));
        revenue.Target.Progress.Should().BeEquivalentTo(new { Actual = 12_500m, Achieved = 50.0m, Forecast = 12_500m, DaysElapsed = 365, DaysTotal = 365, State = TargetState.Ended });
        (await CreateAsync(director, RepYear("grossMargin", me.Id, 2022, 10_000m))).Target.Progress.Actual.Should().Be(2_500m);
        (await CreateAsync(director, RepYear("revenue", me.Id, 2022, 10_000m, category: "目标饮料"))).Target.Progress.Should().BeEquivalentTo(new { Actual = 5_000m, Achieved = 50.0m });
        (await CreateAsync(director, RepYear("grossMargin", me.Id, 2022, 1_000m, category: "目标饮料"))).Target.Progress.Actual.Should().Be(2_000m);
        (await CreateAsync(director, RepYear("newCustomers", me.Id, 2022, 4m))).Target.Progress.Should()
            .BeEquivalentTo(new { Actual = 1m, Achieved = 25.0m }, "甲 is new in 2022; 乙 first bought in 2021");
        (await CreateAsync(director, RepYear("collections", me.Id, 2022, 10_000m))).Target.Progress.Actual.Should().Be(2_000m, "the second payment came in 2023");

        var byMonth = await (await SplitAsync(director, revenue.Target, "periods", "month", [.. Enumerable.Range(1, 12).Select(m => Month(2022, m, m == 12 ? 2_083.37m : 2_083.33m))]))
            .ReadAsync<TargetTreeDto>();
        byMonth.Children.Select(c => c.Progress.Actual).Should().Equal(0m, 0m, 7_500m, 0m, 4_000m, 1_000m, 0m, 0m, 0m, 0m, 0m, 0m);

        // The sale stays with whoever won it when the customer goes to another rep.
        var east = await (await app.LoginAsync(DemoUsers.RepEast)).MeAsync();
        await Eventually.HoldsAsync(
            async () => (await (await rep.GetAsync($"/api/v1/customers/{first.Id}/purchases")).ReadAsync<Page<PurchaseDto>>()).Items.Count == 2,
            "both purchases have reached the customer, whose version they change");
        (await director.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/customers/{first.Id}/transfer", new { toOwnerId = east.Id }, (await director.ReadCustomerAsync(first.Id)).Version))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var company = await CreateAsync(director, new { kind = "revenue", level = "company", period = "year", startsOn = "2022-01-01", amount = 100_000m });
        var westTeam = (await (await director.GetAsync($"{Targets}/organisation")).ReadAsync<TargetOrganisationDto>()).Regions.SelectMany(r => r.Teams).Single(t => t.Id == me.TeamId);
        var eastTeam = (await (await director.GetAsync($"{Targets}/organisation")).ReadAsync<TargetOrganisationDto>()).Regions.SelectMany(r => r.Teams).Single(t => t.Id == east.TeamId);
        var byTeam = await (await SplitAsync(director, company.Target, "subjects", null, Share(westTeam.Id, 60_000m), Share(eastTeam.Id, 40_000m))).ReadAsync<TargetTreeDto>();
        byTeam.Target.Progress.Actual.Should().Be(12_500m);
        byTeam.Children.Single(c => c.SubjectId == westTeam.Id).Progress.Actual.Should().Be(12_500m);
        byTeam.Children.Single(c => c.SubjectId == eastTeam.Id).Progress.Actual.Should().Be(0m);
    }

    [Fact]
    public async Task A_running_period_forecasts_its_end_at_the_pace_so_far()
    {
        var director = await app.LoginAsync(DemoUsers.Director);
        var rep = await app.LoginAsync(DemoUsers.ManagerWest);
        var me = await rep.MeAsync();
        var today = ChinaDay.Today();
        var month = new DateOnly(today.Year, today.Month, 1);
        var customer = await rep.NewCustomerAsync("目标 本月客户");
        await WinOnAsync(rep, customer.Id, "本月成交", 3_000m, today);

        var target = await CreateAsync(director, new { kind = "revenue", level = "rep", subjectId = me.Id, period = "month", startsOn = month, amount = 10_000m });

        var days = DateTime.DaysInMonth(today.Year, today.Month);
        target.Target.Progress.Should().BeEquivalentTo(new
        {
            Actual = 3_000m,
            Achieved = 30.0m,
            Forecast = Math.Round(3_000m * days / today.Day, 2, MidpointRounding.AwayFromZero),
            DaysElapsed = today.Day,
            DaysTotal = days,
            State = TargetState.Running,
        });
        var next = await CreateAsync(director, new { kind = "revenue", level = "rep", subjectId = me.Id, period = "month", startsOn = month.AddMonths(1), amount = 10_000m });
        next.Target.Progress.Should().BeEquivalentTo(new { Actual = 0m, Forecast = (decimal?)null, DaysElapsed = 0, State = TargetState.Upcoming });
    }

    private static object Share(Guid subjectId, decimal amount) => new { subjectId, amount };

    private static object Month(int year, int month, decimal amount) => new { startsOn = new DateOnly(year, month, 1), amount };

    private static object Quarter(int year, int quarter, decimal amount) => new { startsOn = new DateOnly(year, (quarter * 3) - 2, 1), amount };

    private static object Day(string day, decimal amount) => new { startsOn = day, amount };

    private static object RepYear(string kind, Guid repId, int year, decimal amount, string? category = null) =>
        new { kind, level = "rep", subjectId = repId, period = "year", startsOn = new DateOnly(year, 1, 1), productCategory = category, amount };

    private static async Task<TargetTreeDto> CreateAsync(HttpClient client, object body) =>
        await (await client.PostJsonAsync(Targets, body)).ReadAsync<TargetTreeDto>(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> SplitAsync(HttpClient client, TargetDto target, string by, string? period, params object[] children) =>
        client.SendWithIfMatchAsync(HttpMethod.Put, $"{Targets}/{target.Id}/split", new { by, period, children }, target.Version);

    private static async Task WinOnAsync(HttpClient client, Guid customerId, string title, decimal amount, DateOnly wonOn)
    {
        var deal = await client.OpenDealAsync(customerId, title, amount);
        (await client.WinAsync(deal, wonOn)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
