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

    /// <summary>
    /// For a command that adds to the customer: whether the caller may, with the row held (FOR SHARE) until the
    /// command commits, so a merge or an archive waits for the addition instead of leaving it on a record gone.
    /// </summary>
    public Task<bool> HoldAsync(Guid customerId, CancellationToken cancellationToken) =>
        Held(db, customerId).AsNoTracking().VisibleTo(currentUser).AnyAsync(cancellationToken);

    /// <summary>
    /// For a command that changes the customer's row as well (its contacts, <see cref="ContactSearch"/>): whether the
    /// caller may, with the row locked (FOR NO KEY UPDATE) before anything is read, so two such commands take turns
    /// and the second one reads what the first one wrote.
    /// </summary>
    public Task<bool> HoldForChangeAsync(Guid customerId, CancellationToken cancellationToken) =>
        HeldForChange(db, customerId).AsNoTracking().VisibleTo(currentUser).AnyAsync(cancellationToken);

    /// <summary>The customer's row, locked FOR SHARE; the query filter still applies.</summary>
    public static IQueryable<Domain.Customer> Held(CustomersDbContext db, Guid customerId) =>
        db.Customers.FromSql($"SELECT *, xmin FROM customers.customers WHERE id = {customerId} FOR SHARE");

    /// <summary>The customer's row, locked as an UPDATE of it locks it (FOR NO KEY UPDATE); the query filter still applies.</summary>
    public static IQueryable<Domain.Customer> HeldForChange(CustomersDbContext db, Guid customerId) =>
        db.Customers.FromSql($"SELECT *, xmin FROM customers.customers WHERE id = {customerId} FOR NO KEY UPDATE");

    /// <summary>
    /// The customer another module's event names, or the survivor it was merged into since (merges re-point earlier
    /// ones, so a step or two suffice), read by <paramref name="hold"/>, which locks the row until the commit; null
    /// when there is no such customer. The merge pointer is read without a lock first and then only the target is
    /// held and read again: holding the merged-away row would deadlock with a merge of the survivor, which re-points it.
    /// </summary>
    public static async Task<Domain.Customer?> FollowMergesAsync(
        CustomersDbContext db, Guid customerId, Func<Guid, IQueryable<Domain.Customer>> hold, CancellationToken cancellationToken)
    {
        var target = await db.Customers.IgnoreQueryFilters().Where(c => c.Id == customerId).Select(c => c.MergedIntoId).FirstOrDefaultAsync(cancellationToken)
            ?? customerId;
        for (var step = 0; step < 3; step++)
        {
            var customer = await hold(target).IgnoreQueryFilters().SingleOrDefaultAsync(cancellationToken);
            if (customer?.MergedIntoId is not { } survivor)
            {
                return customer;
            }

            target = survivor;
        }

        return null;
    }
}
