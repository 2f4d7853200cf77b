using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Contracts;
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
        var rows = await overdue
            .Select(c => new { c.Id, c.Name, c.OwnerId, c.PriorityTier, Last = c.Activity!.LastVisitedAt ?? c.CreatedAt })
            .OrderBy(c => c.Last).ThenBy(c => c.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return new OverdueCustomers(
            total,
            [.. rows.Select(c => new OverdueCustomer(c.Id, c.Name, c.OwnerId, ChinaTime.DayOf(c.Last).AddDays(settings.CadenceOf(c.PriorityTier).VisitEveryDays)))]);
    }
}
