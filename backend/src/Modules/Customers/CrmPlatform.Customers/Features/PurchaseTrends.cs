using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

/// <summary>The Customers module's answer to <see cref="IPurchaseTrends"/>: two quarters of the purchase archive, added up per customer in one query.</summary>
internal sealed class PurchaseTrends(CustomersDbContext db) : IPurchaseTrends
{
    public async Task<FallingPurchases> FallingAsync(IReadOnlyCollection<Guid> owners, DateOnly day, int limit, CancellationToken cancellationToken)
    {
        Guid[] ids = [.. owners];
        var end = ChinaTime.StartOf(day.AddDays(1));
        var recentFrom = ChinaTime.StartOf(day.AddDays(1 - FallingPurchases.QuarterDays));
        var previousFrom = ChinaTime.StartOf(day.AddDays(1 - (2 * FallingPurchases.QuarterDays)));
        var falling = db.Purchases
            .Where(p => p.PurchasedAt >= previousFrom && p.PurchasedAt < end)
            .Join(db.Customers.Where(c => ids.Contains(c.OwnerId)), p => p.CustomerId, c => c.Id, (p, c) => new { c.Id, c.Name, c.OwnerId, p.Amount, Recent = p.PurchasedAt >= recentFrom })
            .GroupBy(x => new { x.Id, x.Name, x.OwnerId })
            .Select(g => new
            {
                g.Key.Id,
                g.Key.Name,
                g.Key.OwnerId,
                Previous = g.Sum(x => x.Recent ? 0 : x.Amount),
                Recent = g.Sum(x => x.Recent ? x.Amount : 0),
            })
            .Where(x => x.Previous > 0 && x.Recent * 2 < x.Previous);
        var total = await falling.CountAsync(cancellationToken);
        var rows = await falling.OrderByDescending(x => x.Previous - x.Recent).ThenBy(x => x.Id).Take(limit).ToListAsync(cancellationToken);
        return new FallingPurchases(total, [.. rows.Select(x => new FallingPurchase(x.Id, x.Name, x.OwnerId, x.Previous, x.Recent))]);
    }
}
