using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers;

internal sealed class CustomerDirectory(CustomersDbContext db, ICurrentUser currentUser) : ICustomerDirectory
{
    public async Task<IReadOnlyDictionary<Guid, CustomerCard>> FindVisibleAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
    {
        if (customerIds.Count == 0)
        {
            return new Dictionary<Guid, CustomerCard>();
        }

        var ids = customerIds.Distinct().ToArray();
        return await db.Customers.AsNoTracking().VisibleTo(currentUser)
            .Where(c => ids.Contains(c.Id))
            .Select(c => new CustomerCard(c.Id, c.Name, c.OwnerId, c.TeamId, c.Importance == Importance.Key))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    public Task<CustomerCard?> FindAnyAsync(Guid customerId, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking()
            .Where(c => c.Id == customerId)
            .Select(c => new CustomerCard(c.Id, c.Name, c.OwnerId, c.TeamId, c.Importance == Importance.Key))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<CustomerCard>> OwnedByAsync(Guid ownerId, int limit, CancellationToken cancellationToken) =>
        await db.Customers.AsNoTracking()
            .Where(c => c.OwnerId == ownerId)
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Take(limit)
            .Select(c => new CustomerCard(c.Id, c.Name, c.OwnerId, c.TeamId, c.Importance == Importance.Key))
            .ToListAsync(cancellationToken);
}
