using CrmPlatform.Deals.Contracts;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

/// <summary>The Deals module's answer to <see cref="ISalesResults"/>, from the credits sales targets count (<see cref="TargetActuals"/>).</summary>
internal sealed class SalesResults(DealsDbContext db, TargetActuals actuals) : ISalesResults
{
    public async Task<IReadOnlyList<PersonSales>> SalesAsync(IReadOnlyCollection<Guid> people, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        Guid[] ids = [.. people];
        var won = await PerPersonAsync(TargetKind.Revenue, ids, from, to, cancellationToken);
        var collected = await PerPersonAsync(TargetKind.Collections, ids, from, to, cancellationToken);
        var newCustomers = await PerPersonAsync(TargetKind.NewCustomers, ids, from, to, cancellationToken);
        return
        [
            .. won.Keys.Union(collected.Keys).Union(newCustomers.Keys).Select(person => new PersonSales(
                person,
                won.GetValueOrDefault(person).Count,
                won.GetValueOrDefault(person).Total,
                collected.GetValueOrDefault(person).Total,
                newCustomers.GetValueOrDefault(person).Count)),
        ];
    }

    public async Task<IReadOnlyDictionary<Guid, MonthTarget>> MonthRevenueTargetsAsync(IReadOnlyCollection<Guid> people, DateOnly day, CancellationToken cancellationToken)
    {
        Guid[] ids = [.. people];
        var targets = await db.Targets.AsNoTracking()
            .Where(t => t.Kind == TargetKind.Revenue && t.Level == TargetLevel.Rep && t.Period == TargetPeriod.Month && t.ProductCategory == null
                && t.SubjectId != null && ids.Contains(t.SubjectId.Value) && t.StartsOn <= day && t.EndsOn >= day)
            .Select(t => new { Person = t.SubjectId!.Value, t.Amount })
            .ToListAsync(cancellationToken);
        if (targets.Count == 0)
        {
            return new Dictionary<Guid, MonthTarget>();
        }

        var achieved = await PerPersonAsync(TargetKind.Revenue, [.. targets.Select(t => t.Person)], new DateOnly(day.Year, day.Month, 1), day, cancellationToken);
        return targets.ToDictionary(t => t.Person, t => new MonthTarget(t.Amount, achieved.GetValueOrDefault(t.Person).Total));
    }

    private async Task<Dictionary<Guid, (int Count, decimal Total)>> PerPersonAsync(TargetKind kind, Guid[] ids, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await actuals.Credits(kind, null)
            .Where(c => c.Person != null && ids.Contains(c.Person.Value) && c.Day >= from && c.Day <= to)
            .GroupBy(c => c.Person!.Value)
            .Select(g => new { Person = g.Key, Count = g.Count(), Total = g.Sum(c => c.Value) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Person, r => (r.Count, r.Total));
    }
}
