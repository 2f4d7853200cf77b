using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

/// <summary>
/// What hangs off a customer (history, timeline, contacts, key dates) is reached through it: whoever
/// cannot see the customer gets 404 for those too. The one check every such slice asks.
/// </summary>
internal sealed class CustomerAccess(CustomersDbContext db, ICurrentUser currentUser)
{
    public Task<bool> CanSeeAsync(Guid customerId, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().VisibleTo(currentUser).AnyAsync(c => c.Id == customerId, cancellationToken);
}
