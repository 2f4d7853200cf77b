using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Integration;

/// <summary>
/// Keeps <see cref="CustomerCopy"/> rows current from the Customers module's events. Each event is
/// claimed in the inbox with the change it makes, so a redelivery changes nothing; any event about a
/// customer Deals has not seen yet (created before this copy existed, or its creation still to be
/// delivered) adds the customer. Deals follow their customer: they carry its scope, a new owner takes over the
/// deals the previous owner worked, and a merged-away customer's deals go to the survivor.
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

    /// <summary>
    /// A merged-away customer is gone, as an archived one is, and its deals (and what they are owed) are the survivor's.
    /// Deals must know the survivor first: until its own event has arrived, this one fails and is delivered again.
    /// </summary>
    public Task HandleAsync(CustomerMerged merged, CancellationToken cancellationToken) =>
        ObserveAsync(merged, archived: true, cancellationToken, async (deals, now) =>
        {
            if (deals.Count == 0)
            {
                return;
            }

            var survivor = await CustomerCopies.Locked(db, merged.SurvivorId).SingleOrDefaultAsync(cancellationToken)
                ?? throw new InvalidOperationException($"The survivor {merged.SurvivorId} of merged customer {merged.CustomerId} is not known to Deals yet.");
            foreach (var deal in deals)
            {
                deal.MoveToCustomer(survivor.Scope, now);
            }
        });

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

    /// <summary>
    /// Applies the event to the copy, then the copy's facts (as they now stand: a late event changes nothing) to the
    /// customer's deals and their invoices, and then what else the event means for them (<paramref name="dealsFollow"/>).
    /// The copy's row is locked first, as a deal's creation locks it, so a deal written meanwhile is not left with the
    /// customer's old scope.
    /// </summary>
    private async Task ObserveAsync<TEvent>(
        TEvent customerEvent, bool archived, CancellationToken cancellationToken, Func<IReadOnlyList<Deal>, DateTimeOffset, Task>? dealsFollow = null)
        where TEvent : IntegrationEvent, ICustomerEvent
    {
        // The copy's lock lasts until the deals and invoices that follow it are saved.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetDatabaseUtcNow();
        if (!await db.TryClaimAsync(customerEvent, Consumer, now, cancellationToken))
        {
            return;
        }

        var copy = await CustomerCopies.Locked(db, customerEvent.CustomerId).SingleOrDefaultAsync(cancellationToken);
        if (copy is null)
        {
            copy = CustomerCopy.Of(customerEvent.CustomerId);
            db.CustomerCopies.Add(copy);
        }

        copy.Observe(
            customerEvent.Name, customerEvent.OwnerId, customerEvent.TeamId, archived ? customerEvent.OccurredAt : null, customerEvent.OccurredAt);
        var deals = await db.Deals.Where(d => d.CustomerId == customerEvent.CustomerId).ToListAsync(cancellationToken);
        foreach (var deal in deals)
        {
            deal.FollowCustomer(copy.Scope, now);
        }

        if (dealsFollow is not null)
        {
            await dealsFollow(deals, now);
        }

        Guid[] dealIds = [.. deals.Select(d => d.Id)];
        var invoices = await db.Invoices.Where(i => dealIds.Contains(i.DealId)).ToListAsync(cancellationToken);
        var byId = deals.ToDictionary(d => d.Id);
        invoices.ForEach(invoice => invoice.Follow(byId[invoice.DealId]));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
