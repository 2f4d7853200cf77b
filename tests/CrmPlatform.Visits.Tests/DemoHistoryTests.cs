using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Features;
using CrmPlatform.Visits.Domain;
using CrmPlatform.Visits.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Visits.Tests;

/// <summary>The demo organisation started as the run command starts it: seeded, with the demo reps' recent work.</summary>
public sealed class DemoHistoryApp : CrmApp
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["CRM_SEED_DEMO"] = "true",
        ["CRM_DEMO_HISTORY"] = "true",
    };
}

/// <summary>
/// The first start's history (CRM_DEMO_HISTORY): a fortnight of the demo reps' plans, visits and reports, waiting where a
/// manager would find it, counted by last week's report exactly as the API lists its rows, and seeded only once.
/// </summary>
public sealed class DemoHistoryTests(DemoHistoryApp app) : IClassFixture<DemoHistoryApp>
{
    [Fact]
    public async Task The_demo_reps_fortnight_waits_in_the_managers_inbox_and_last_weeks_report_counts_it()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var fortnight = $"from={today.AddDays(-14):yyyy-MM-dd}&to={today.AddDays(7):yyyy-MM-dd}";
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);

        // In the inbox: the next working day's plan and the last working day's report; the rest is signed off.
        var plans = await (await manager.GetAsync($"/api/v1/visits/plans?{fortnight}")).ReadAsync<List<VisitPlanDto>>();
        plans.Should().HaveCountGreaterThanOrEqualTo(11, "ten working days, the next one, and today when it is a working day");
        plans.Where(p => p.Status == PlanStatus.Submitted).Should().ContainSingle().Which.Day.Should().BeAfter(today);
        plans.Where(p => p.Day <= today).Should().OnlyContain(p => p.Status == PlanStatus.Approved);
        var reports = await (await manager.GetAsync($"/api/v1/visits/reports?{fortnight}")).ReadAsync<List<DailyReportDto>>();
        reports.Should().HaveCount(9, "one working day of ten has no report");
        reports.Where(r => r.Status == ReportStatus.Submitted).Should().ContainSingle().Which.Day.Should().Be(reports.Max(r => r.Day));
        reports.Should().ContainSingle(r => r.Late);

        // Last week's report, compiled at seeding, counts the rows the API lists for the week.
        var monday = ChinaWeeks.Of(today).Start.AddDays(-7);
        var week = (await (await manager.GetAsync($"/api/v1/visits/weekly-reports?from={monday:yyyy-MM-dd}&to={monday:yyyy-MM-dd}")).ReadAsync<List<WeeklyReportDto>>())
            .Should().ContainSingle().Subject;
        var range = $"from={monday:yyyy-MM-dd}&to={monday.AddDays(6):yyyy-MM-dd}&teamId={week.TeamId}";
        var weekPlans = await (await manager.GetAsync($"/api/v1/visits/plans?{range}")).ReadAsync<List<VisitPlanDto>>();
        var weekVisits = await (await manager.GetAsync($"/api/v1/visits/records?{range}")).ReadAsync<List<VisitRecordDto>>();
        week.Figures.Team.Should().BeEquivalentTo(new
        {
            Planned = weekPlans.Sum(p => p.Visits.Count),
            Visits = weekVisits.Count,
            EffectiveVisits = weekVisits.Count,
            OrderedVisits = weekVisits.Count(v => v.Ordered),
            Cost = weekVisits.Sum(v => v.Cost ?? 0),
        });
        week.Figures.Team.Planned.Should().BeGreaterThan(week.Figures.Team.Visits, "one planned visit in five is not made");
        week.Figures.Team.OrderedVisits.Should().BePositive();

        // This week counted now: the next working day's plan is not yet planned work.
        var thisWeek = await (await manager.PostJsonAsync("/api/v1/visits/weekly-reports/compile", new { })).ReadAsync<WeeklyReportDto>();
        thisWeek.Figures.Team.Planned.Should().Be(
            plans.Where(p => p.Day >= thisWeek.WeekStart && p.Day <= today).Sum(p => p.Visits.Count), "a plan counts once its day has come");

        // The visits reach the customers' timelines.
        var visited = weekVisits[0];
        await Eventually.HoldsAsync(
            async () => (await (await manager.GetAsync($"/api/v1/customers/{visited.CustomerId}")).ReadAsync<CustomerDto>()).LastVisitedAt is not null,
            "a demo visit is on the customer's timeline");

        // Another start seeds nothing more.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
            {
                await seeder.SeedAsync(CancellationToken.None);
            }
        }

        (await (await manager.GetAsync($"/api/v1/visits/plans?{fortnight}")).ReadAsync<List<VisitPlanDto>>()).Should().HaveCount(plans.Count);
    }

    [Fact]
    public async Task The_complaints_desk_starts_with_standard_answers_and_each_demo_reps_complaints_at_every_stage()
    {
        var service = await app.LoginAsync(DemoUsers.Service);
        var complaints = (await (await service.GetAsync("/api/v1/complaints?limit=200")).ReadAsync<Page<Complaints.Features.ComplaintDto>>()).Items;
        complaints.Should().HaveCount(8, "four for each demo rep's customers");
        complaints.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<Complaints.Domain.ComplaintStatus, int>
        {
            [Complaints.Domain.ComplaintStatus.Closed] = 2,
            [Complaints.Domain.ComplaintStatus.Resolved] = 2,
            [Complaints.Domain.ComplaintStatus.Investigating] = 2,
            [Complaints.Domain.ComplaintStatus.Received] = 2,
        });
        complaints.Where(c => c.Status == Complaints.Domain.ComplaintStatus.Investigating).Should().OnlyContain(c => c.Overdue && c.Severity == Complaints.Domain.ComplaintSeverity.Critical);
        complaints.Where(c => c.Status == Complaints.Domain.ComplaintStatus.Closed).Should().OnlyContain(c =>
            c.CauseKey == "delivery" && c.PreventionDoneAt != null && c.ResolutionKind == (c.KeyCustomer ? Complaints.Domain.ResolutionKind.GoodwillGift : Complaints.Domain.ResolutionKind.ReturnOrRefund));

        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var repMe = await rep.MeAsync();
        (await (await rep.GetAsync("/api/v1/complaints")).ReadAsync<Page<Complaints.Features.ComplaintDto>>()).Items
            .Should().HaveCount(4).And.OnlyContain(c => c.OwnerId == repMe.Id);

        // The standard answers, two of them already given in two complaints each.
        var answers = await (await rep.GetAsync("/api/v1/complaints/answers")).ReadAsync<List<Complaints.Features.StandardAnswerDto>>();
        answers.Select(a => a.UsageCount).Should().Equal(2, 2, 0, 0, 0, 0, 0, 0);
        (await (await rep.GetAsync("/api/v1/complaints/answers?q=发票")).ReadAsync<List<Complaints.Features.StandardAnswerDto>>()).Should().ContainSingle()
            .Which.Question.Should().Be("发票开错了怎么办？");

        await Eventually.HoldsAsync(
            async () => (await (await rep.GetAsync($"/api/v1/customers/{complaints.First(c => c.OwnerId == repMe.Id).CustomerId}/interactions")).ReadAsync<Page<InteractionDto>>())
                .Items.Any(e => e.Source == "complaints"),
            "a demo complaint is on its customer's timeline");

        // Another start seeds nothing more.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
            {
                await seeder.SeedAsync(CancellationToken.None);
            }
        }

        (await (await service.GetAsync("/api/v1/complaints?limit=200")).ReadAsync<Page<Complaints.Features.ComplaintDto>>()).Items.Should().HaveCount(8);
        (await (await service.GetAsync("/api/v1/complaints/answers")).ReadAsync<List<Complaints.Features.StandardAnswerDto>>()).Should().HaveCount(8);
    }
}
