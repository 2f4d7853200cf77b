using CrmPlatform.Deals.Contracts;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

/// <summary>The Deals module's answer to <see cref="ISalesResults"/>: wins by winner and day, payments by rep and day received.</summary>
internal sealed class SalesResults(DealsDbContext db) : ISalesResults
{
    public async Task<IReadOnlyList<PersonSales>> SalesAsync(IReadOnlyCollection<Guid> people, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        Guid[] ids = [.. people];
        var won = await db.Deals.AsNoTracking()
            .Where(d => d.Status == DealStatus.Won && d.WonBy != null && ids.Contains(d.WonBy.Value) && d.WonOn >= from && d.WonOn <= to)
            .GroupBy(d => d.WonBy!.Value)
            .Select(g => new { Person = g.Key, Orders = g.Count(), Amount = g.Sum(d => d.Amount) })
            .ToDictionaryAsync(r => r.Person, cancellationToken);
        var collected = await db.Invoices.AsNoTracking()
            .Where(i => ids.Contains(i.OwnerId))
            .SelectMany(i => i.Payments, (i, p) => new { i.OwnerId, p.ReceivedOn, p.Amount })
            .Where(p => p.ReceivedOn >= from && p.ReceivedOn <= to)
            .GroupBy(p => p.OwnerId)
            .Select(g => new { Person = g.Key, Amount = g.Sum(p => p.Amount) })
            .ToDictionaryAsync(r => r.Person, r => r.Amount, cancellationToken);
        return
        [
            .. won.Keys.Union(collected.Keys).Select(person => new PersonSales(
                person,
                won.TryGetValue(person, out var w) ? w.Orders : 0,
                w?.Amount ?? 0,
                collected.GetValueOrDefault(person))),
        ];
    }

    public async Task<MonthTarget?> MonthRevenueTargetAsync(Guid person, DateOnly day, CancellationToken cancellationToken)
    {
        var target = await db.Targets.AsNoTracking()
            .Where(t => t.Kind == TargetKind.Revenue && t.Level == TargetLevel.Rep && t.SubjectId == person && t.Period == TargetPeriod.Month
                && t.ProductCategory == null && t.StartsOn <= day && t.EndsOn >= day)
            .Select(t => new { t.Amount, t.StartsOn })
            .FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return null;
        }

        var achieved = await db.Deals.AsNoTracking()
            .Where(d => d.Status == DealStatus.Won && d.WonBy == person && d.WonOn >= target.StartsOn && d.WonOn <= day)
            .SumAsync(d => d.Amount, cancellationToken);
        return new MonthTarget(target.Amount, achieved);
    }
}
