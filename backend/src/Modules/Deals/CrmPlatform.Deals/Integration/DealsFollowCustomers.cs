using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Contracts.Following;
using CrmPlatform.Deals.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Integration;

/// <summary>
/// Deals follow their customer: they carry its scope, a new owner takes over the deals the previous owner worked, a
/// merged-away customer's deals go to the survivor, and the deals' invoices follow their deals.
/// </summary>
internal sealed class DealsFollowCustomers(DealsDbContext db, ICustomerDirectory customers, TimeProvider clock) : CustomerFollower<DealsDbContext>(db, customers, clock)
{
    protected override string Consumer => "deals.customer-copies";

    protected override async Task FollowAsync(CustomerCopy copy, Func<Task<CustomerCopy>>? survivor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deals = await Db.Deals.Where(d => d.CustomerId == copy.CustomerId).ToListAsync(cancellationToken);
        foreach (var deal in deals)
        {
            deal.FollowCustomer(copy.Scope, now);
        }

        if (survivor is not null && deals.Count > 0)
        {
            var survivorScope = (await survivor()).Scope;
            foreach (var deal in deals)
            {
                deal.MoveToCustomer(survivorScope, now);
            }
        }

        Guid[] dealIds = [.. deals.Select(d => d.Id)];
        var invoices = await Db.Invoices.Where(i => dealIds.Contains(i.DealId)).ToListAsync(cancellationToken);
        var byId = deals.ToDictionary(d => d.Id);
        invoices.ForEach(invoice => invoice.Follow(byId[invoice.DealId]));
    }
}
