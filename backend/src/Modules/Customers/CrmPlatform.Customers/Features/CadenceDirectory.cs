using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

/// <summary>The Customers module's answer to <see cref="ICustomerCadence"/>, by the same cadence rule the customer list filters on.</summary>
internal sealed class CadenceDirectory(CustomersDbContext db, SettingsCache settingsCache) : ICustomerCadence
{
    public async Task<OverdueCustomers> OverdueForVisitAsync(IReadOnlyCollection<Guid> owners, DateOnly day, int limit, CancellationToken cancellationToken)
    {
        Guid[] ids = [.. owners];
        var settings = await settingsCache.GetAsync(db, cancellationToken);
        var overdue = db.Customers.AsNoTracking().Where(c => ids.Contains(c.OwnerId)).Overdue(ContactDue.Visit, settings, day);
        var total = await overdue.CountAsync(cancellationToken);
        var (priority, general, last) = (settings.CadenceOf(PriorityTier.Priority).VisitEveryDays, settings.CadenceOf(PriorityTier.General).VisitEveryDays,
            settings.CadenceOf(PriorityTier.Last).VisitEveryDays);
        // The longest overdue first: ordered by the day each fell due, which counts its own tier's cadence from its last visit.
        var rows = await overdue
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.OwnerId,
                Due = (c.Activity!.LastVisitedAt ?? c.CreatedAt).AddDays(c.PriorityTier == PriorityTier.Priority ? priority : c.PriorityTier == PriorityTier.General ? general : last),
            })
            .OrderBy(c => c.Due).ThenBy(c => c.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return new OverdueCustomers(
            total,
            [.. rows.Select(c => new OverdueCustomer(c.Id, c.Name, c.OwnerId, ChinaTime.DayOf(c.Due)))]);
    }
}
