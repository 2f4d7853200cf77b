using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Visits.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Visits.Features;

/// <summary>
/// A rep's (or a team's) sales process over a period, counted from plans, visits and daily reports: what the weekly
/// report and the director's monthly view show (docs/api.md, "Visit figures").
/// </summary>
/// <param name="Planned">Visits on the plans of the period's days that have come (to today).</param>
/// <param name="Visits">Visits checked in during the period.</param>
/// <param name="EffectiveVisits">Those checked out with an outcome.</param>
/// <param name="OrderedVisits">Those that led to an order (成交).</param>
/// <param name="Cost">What the visits cost (费用).</param>
/// <param name="ReportsOnTime">Daily reports filed by their cut-off.</param>
/// <param name="ReportsLate">Filed after it.</param>
/// <param name="ReportsMissing">Workdays (Monday to Friday) whose cut-off has passed with no report.</param>
public sealed record ActivityCounts(int Planned, int Visits, int EffectiveVisits, int OrderedVisits, decimal Cost, int ReportsOnTime, int ReportsLate, int ReportsMissing)
{
    public static readonly ActivityCounts None = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Effective visits ÷ planned visits, in percent to one place (有效拜访率); null without a plan.</summary>
    public decimal? EffectiveVisitRate => Percent(EffectiveVisits, Planned);

    /// <summary>Visits that led to an order ÷ visits, in percent to one place (成交率); null without visits.</summary>
    public decimal? TransactionRate => Percent(OrderedVisits, Visits);

    /// <summary>Cost ÷ visits, to the fen; null without visits.</summary>
    public decimal? CostPerVisit => Visits == 0 ? null : Math.Round(Cost / Visits, 2, MidpointRounding.AwayFromZero);

    public ActivityCounts Add(ActivityCounts other) => new(
        Planned + other.Planned, Visits + other.Visits, EffectiveVisits + other.EffectiveVisits, OrderedVisits + other.OrderedVisits, Cost + other.Cost,
        ReportsOnTime + other.ReportsOnTime, ReportsLate + other.ReportsLate, ReportsMissing + other.ReportsMissing);

    public static decimal? Percent(decimal part, decimal whole) => whole == 0 ? null : Math.Round(part * 100 / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>Counts <see cref="ActivityCounts"/> per rep with one grouped query per table.</summary>
internal sealed class RepActivity(VisitsDbContext db, ReportDay reportDay, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<Guid, ActivityCounts>> CountAsync(IReadOnlyCollection<Guid> reps, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        Guid[] ids = [.. reps];
        // A plan counts once its day has come: the visits planned for tomorrow are not yet missed.
        var plannedTo = DateOnly.FromDayNumber(Math.Min(to.DayNumber, ChinaTime.Today(clock).DayNumber));
        var planned = await db.Plans.AsNoTracking().Where(p => ids.Contains(p.OwnerId) && p.Day >= from && p.Day <= plannedTo)
            .GroupBy(p => p.OwnerId)
            .Select(g => new { Rep = g.Key, Count = g.Sum(p => p.VisitCount) })
            .ToDictionaryAsync(g => g.Rep, g => g.Count, cancellationToken);
        var (start, end) = (ChinaTime.StartOf(from), ChinaTime.StartOf(to.AddDays(1)));
        var visits = await db.Visits.AsNoTracking().Where(v => ids.Contains(v.OwnerId) && v.CheckedInAt >= start && v.CheckedInAt < end)
            .GroupBy(v => v.OwnerId)
            .Select(g => new
            {
                Rep = g.Key,
                Count = g.Count(),
                Effective = g.Count(v => v.CheckedOutAt != null),
                Ordered = g.Count(v => v.Ordered),
                Cost = g.Sum(v => v.Cost ?? 0),
            })
            .ToDictionaryAsync(g => g.Rep, cancellationToken);
        var reports = (await db.Reports.AsNoTracking().Where(r => ids.Contains(r.OwnerId) && r.Day >= from && r.Day <= to)
                .Select(r => new { r.OwnerId, r.Day, r.Late })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.OwnerId);
        var now = clock.GetUtcNow();
        var dueDays = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1)
            .Select(from.AddDays)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && reportDay.DueAt(d) <= now)
            .ToList();
        return ids.ToDictionary(rep => rep, rep =>
        {
            var filed = reports[rep].ToList();
            var visited = visits.GetValueOrDefault(rep);
            return new ActivityCounts(
                planned.GetValueOrDefault(rep),
                visited?.Count ?? 0,
                visited?.Effective ?? 0,
                visited?.Ordered ?? 0,
                visited?.Cost ?? 0,
                filed.Count(r => !r.Late),
                filed.Count(r => r.Late),
                dueDays.Count(d => filed.All(r => r.Day != d)));
        });
    }
}
