using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Identity.Contracts;
using CrmPlatform.Visits.Domain;
using CrmPlatform.Visits.Features;
using CrmPlatform.Visits.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Visits.Seeding;

/// <summary>
/// The demo reps' last two weeks (CRM_DEMO_HISTORY), so that the first start shows the process at work. Each working day:
/// a plan of two or three of the rep's customers, approved the evening before; the visits made from it (one planned visit
/// in five is not made, some end in an order); the evening's report, read and commented by the manager — one filed late,
/// one never filed, the last still waiting in the manager's inbox. Two market reports per rep, and last week's report of
/// each team, compiled. Today's plan is approved; the next working day's waits for sign-off. Written through the domain,
/// as the API would have written it; the visits reach the customers' timelines like any other.
/// </summary>
internal sealed class VisitsDemoSeeder(
    VisitsDbContext db, IUserDirectory users, ICustomerDirectory customers, WeeklyCompiler weekly, ReportDay reportDay, IOptions<DemoDataOptions> options, TimeProvider clock)
    : IDemoDataSeeder
{
    private const int HistoryDays = 14;

    private static readonly (string Rep, string Manager)[] DemoTeams = [("rep.east", "manager.east"), ("rep.west", "manager.west")];

    private static readonly VisitPurpose[] Purposes =
        [VisitPurpose.TakeOrder, VisitPurpose.Service, VisitPurpose.CollectPayment, VisitPurpose.MarketResearch, VisitPurpose.DevelopCustomer];

    private static readonly (string Outcome, string? NextStep)[] Outcomes =
    [
        ("确认下月订货量，客户要求提前一周排产", "下周一前报价"),
        ("介绍新品，客户有兴趣试销", "三天内送样"),
        ("收回上月货款，对账无误", null),
        ("处理外箱破损投诉，客户接受补货方案", "周五前补发"),
        ("了解竞品报价，客户仍看重我方品质和交期", "申请促销支持"),
        ("拜访采购经理，约定下季度年框洽谈", "准备年框方案"),
    ];

    private static readonly string[] Lessons =
        ["先问库存再谈订货，客户更愿意说实话", "收款前一天电话确认，少跑空", "样品随车带，现场演示最有效", "竞品降价时讲服务和交期，不跟价"];

    private static readonly string[] ManagerComments = ["很好，报价要跟紧", "收款及时，表扬", "注意竞品动向，明天电话回访", "拜访量偏少，明天补足"];

    private sealed record DemoRep(Guid Id, Guid TeamId, Guid ManagerId, IReadOnlyList<CustomerCard> Book);

    public int Order => 300;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.History || await db.Plans.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetDatabaseUtcNow();
        var today = ChinaTime.Today(clock);
        var teams = new HashSet<Guid>();
        foreach (var (repName, managerName) in DemoTeams)
        {
            // Only the demo reps, and only with their demo customers: a real organisation's people are never given a history.
            var rep = await users.FindByUserNameAsync(repName, cancellationToken);
            var manager = await users.FindByUserNameAsync(managerName, cancellationToken);
            IReadOnlyList<CustomerCard> book = rep is null ? [] : await customers.OwnedByAsync(rep.Id, 4, cancellationToken);
            if (rep?.TeamId is not { } teamId || manager is null || book.Count == 0)
            {
                continue;
            }

            SeedFortnight(new DemoRep(rep.Id, teamId, manager.Id, book), today, now);
            teams.Add(teamId);
        }

        await db.SaveChangesAsync(cancellationToken);
        var organisation = await users.OrganisationAsync(cancellationToken);
        foreach (var team in teams.Select(organisation.Team).OfType<OrganisationTeam>())
        {
            await weekly.CompileAsync(team, ChinaWeeks.Of(today).Start.AddDays(-7), cancellationToken);
        }
    }

    private void SeedFortnight(DemoRep rep, DateOnly today, DateTimeOffset now)
    {
        var workdays = Enumerable.Range(1, HistoryDays).Select(k => today.AddDays(-k)).Where(IsWorkday).Reverse().ToList();
        foreach (var (day, index) in workdays.Select((day, index) => (day, index)))
        {
            var plan = ApprovedPlan(rep, day, index);
            var visits = Visited(rep, plan, index, now);
            if (index != 4)
            {
                FileReport(rep, day, index, visits, reviewed: day != workdays[^1]);
            }
        }

        if (IsWorkday(today))
        {
            ApprovedPlan(rep, today, workdays.Count);
        }

        var next = Enumerable.Range(1, 7).Select(k => today.AddDays(k)).First(IsWorkday);
        var waiting = VisitPlan.Draft(rep.Id, rep.TeamId, next, Planned(rep, workdays.Count + 1), now);
        waiting.Submit(now);
        db.Plans.Add(waiting);

        // The promotion on last week's Wednesday, so last week's report shows a competitor move; the opinion this week or last.
        var (promotionDay, opinionDay) = (ChinaWeeks.Of(today).Start.AddDays(-5), workdays[^2]);
        db.MarketReports.Add(MarketReport.Report(
            rep.Id, rep.TeamId, promotionDay, MarketReportKind.CompetitorPromotion, MarketSeverity.Notable, (rep.Book[0].Id, rep.Book[0].Name), "某竞品公司", "500ml 系列",
            "竞品在本区商超买十送三，持续两周，客户问我方是否跟进", "申请同等力度的堆头促销", At(promotionDay, 16, 0)));
        db.MarketReports.Add(MarketReport.Report(
            rep.Id, rep.TeamId, opinionDay, MarketReportKind.ProductOpinion, MarketSeverity.Minor, (rep.Book[^1].Id, rep.Book[^1].Name), null, "新包装",
            "客户认为新包装更易搬运，希望推广到全系列", null, At(opinionDay, 17, 0)));
    }

    private VisitPlan ApprovedPlan(DemoRep rep, DateOnly day, int index)
    {
        var evening = day.AddDays(-1);
        var plan = VisitPlan.Draft(rep.Id, rep.TeamId, day, Planned(rep, index), At(evening, 17, 30));
        plan.Submit(At(evening, 17, 40));
        plan.Approve(rep.ManagerId, At(evening, 19, 0));
        db.Plans.Add(plan);
        return plan;
    }

    /// <summary>Two or three of the rep's customers, a different turn of the book each day, two hours apart from 09:30.</summary>
    private static List<PlannedVisit> Planned(DemoRep rep, int index) =>
    [
        .. Enumerable.Range(0, Math.Min(rep.Book.Count, 2 + (index % 2))).Select(i =>
        {
            var customer = rep.Book[(index + i) % rep.Book.Count];
            var from = new TimeOnly(9 + (2 * i), 30);
            return new PlannedVisit(customer.Id, customer.Name, null, from, from.AddHours(1), Purposes[(index + i) % Purposes.Length], null);
        }),
    ];

    private List<VisitRecord> Visited(DemoRep rep, VisitPlan plan, int index, DateTimeOffset now)
    {
        var made = new List<VisitRecord>();
        foreach (var (planned, i) in plan.Visits.Select((planned, i) => (planned, i)))
        {
            var turn = index + i;
            if (turn % 5 == 4)
            {
                continue;
            }

            var start = At(plan.Day, planned.From!.Value.Hour, planned.From.Value.Minute + 10);
            var visit = VisitRecord.CheckIn(rep.Id, rep.TeamId, planned.CustomerId, planned.CustomerName, plan.Id, planned.Purpose, null, start);
            var (outcome, nextStep) = Outcomes[turn % Outcomes.Length];
            visit.CheckOut(outcome, nextStep, nextStep is null ? null : plan.Day.AddDays(3), 20 + (10 * (turn % 3)), turn % 3 == 0, null, null, null, start.AddMinutes(50));
            db.Visits.Add(visit);
            db.Publish(CheckOutHandler.TimelineEntry(visit, now));
            made.Add(visit);
        }

        return made;
    }

    private void FileReport(DemoRep rep, DateOnly day, int index, List<VisitRecord> visits, bool reviewed)
    {
        var filedAt = index == 2 ? At(day.AddDays(1), 10, 15) : At(day, 18, 30);
        var orders = visits.Count(v => v.Ordered);
        var content = new ReportContent(
            Attendance.Present, 0, null, orders, orders * 6_800m, index % 4 == 1 ? 12_000m : 0,
            index % 3 == 0 ? "竞品本周在商超做买赠促销" : null, "客户反映新包装更易搬运", null, Lessons[index % Lessons.Length]);
        var report = DailyReport.File(rep.Id, rep.TeamId, day, content, ReportDay.Count(visits), null, filedAt > reportDay.DueAt(day), filedAt);
        if (reviewed)
        {
            report.Review(ManagerComments[index % ManagerComments.Length], rep.ManagerId, index == 2 ? filedAt.AddMinutes(45) : At(day.AddDays(1), 9, 30));
        }

        db.Reports.Add(report);
    }

    private static bool IsWorkday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static DateTimeOffset At(DateOnly day, int hour, int minute) => ChinaTime.StartOf(day) + new TimeSpan(hour, minute, 0);
}
