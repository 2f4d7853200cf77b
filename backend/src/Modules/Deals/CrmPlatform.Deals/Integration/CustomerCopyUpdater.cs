using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Deals.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Integration;

/// <summary>
/// Keeps <see cref="CustomerCopy"/> rows current from the Customers module's events. Each event is
/// claimed in the inbox with the change it makes, so a redelivery changes nothing; any event about a
/// customer Deals has not seen yet (created before this copy existed, or its creation still to be
/// delivered) adds the customer.
/// </summary>
internal sealed class CustomerCopyUpdater(DealsDbContext db, TimeProvider clock) :
    IIntegrationEventHandler<CustomerCreated>,
    IIntegrationEventHandler<CustomerRenamed>,
    IIntegrationEventHandler<CustomerOwnerChanged>,
    IIntegrationEventHandler<CustomerArchived>,
    IIntegrationEventHandler<CustomerMerged>,
    IIntegrationEventHandler<CustomersImported>
{
    private const string Consumer = "deals.customer-copies";

    public Task HandleAsync(CustomerCreated created, CancellationToken cancellationToken) => ObserveAsync(created, archived: false, cancellationToken);

    public Task HandleAsync(CustomerRenamed renamed, CancellationToken cancellationToken) => ObserveAsync(renamed, archived: false, cancellationToken);

    public Task HandleAsync(CustomerOwnerChanged changed, CancellationToken cancellationToken) => ObserveAsync(changed, archived: false, cancellationToken);

    public Task HandleAsync(CustomerArchived archived, CancellationToken cancellationToken) => ObserveAsync(archived, archived: true, cancellationToken);

    /// <summary>A merged-away customer is gone, as an archived one is; moving its deals to the survivor comes with the Deals module.</summary>
    public Task HandleAsync(CustomerMerged merged, CancellationToken cancellationToken) => ObserveAsync(merged, archived: true, cancellationToken);

    /// <summary>A batch of new customers: one claim, one lookup and one save for all of them.</summary>
    public async Task HandleAsync(CustomersImported imported, CancellationToken cancellationToken)
    {
        if (!await db.TryClaimAsync(imported, Consumer, clock.GetDatabaseUtcNow(), cancellationToken))
        {
            return;
        }

        Guid[] ids = [.. imported.Customers.Select(c => c.CustomerId)];
        var copies = await db.CustomerCopies.Where(c => ids.Contains(c.CustomerId)).ToDictionaryAsync(c => c.CustomerId, cancellationToken);
        foreach (var customer in imported.Customers)
        {
            if (!copies.TryGetValue(customer.CustomerId, out var copy))
            {
                copy = CustomerCopy.Of(customer.CustomerId);
                db.CustomerCopies.Add(copy);
                copies[customer.CustomerId] = copy;
            }

            copy.Observe(customer.Name, customer.OwnerId, customer.TeamId, null, imported.OccurredAt);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ObserveAsync<TEvent>(TEvent customerEvent, bool archived, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent, ICustomerEvent
    {
        if (!await db.TryClaimAsync(customerEvent, Consumer, clock.GetDatabaseUtcNow(), cancellationToken))
        {
            return;
        }

        var copy = await db.CustomerCopies.FindAsync([customerEvent.CustomerId], cancellationToken);
        if (copy is null)
        {
            copy = CustomerCopy.Of(customerEvent.CustomerId);
            db.CustomerCopies.Add(copy);
        }

        copy.Observe(
            customerEvent.Name, customerEvent.OwnerId, customerEvent.TeamId, archived ? customerEvent.OccurredAt : null, customerEvent.OccurredAt);
        await db.SaveChangesAsync(cancellationToken);
    }
}
