using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using CrmPlatform.Customers.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Integration;

/// <summary>
/// Keeps other modules' <see cref="RecordPurchase"/> events, once each (inbox claim, and the event id as the
/// purchase's key): the customer has bought (成交, or 老客户 by the loyal rule) and is rated again. The customer's row
/// is locked first, so two purchases of one customer at the same moment are rated one after the other.
/// </summary>
internal sealed class PurchaseRecorder(CustomersDbContext db, SettingsCache settings, ValueRating rating, TimeProvider clock)
    : IIntegrationEventHandler<RecordPurchase>
{
    private const string Consumer = "customers.purchases";

    public async Task HandleAsync(RecordPurchase purchase, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetDatabaseUtcNow();
        if (!await db.TryClaimAsync(purchase, Consumer, now, cancellationToken))
        {
            return;
        }

        var rules = await settings.GetAsync(db, cancellationToken);
        var customer = await CurrentAsync(purchase.CustomerId, cancellationToken);
        if (customer is null)
        {
            // Nobody to rate: the customer is gone for good. The claim is kept, so a redelivery is not tried again.
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        db.Purchases.Add(CustomerPurchase.Of(purchase, customer.Id));
        customer.Purchased(rules.Loyalty, now);
        await db.SaveChangesAsync(cancellationToken);
        await rating.RecomputeAsync(rules.ValueTiers, [customer.Id], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The customer, or the survivor it was merged into, locked FOR UPDATE; null when there is no such customer. The
    /// merge pointer is read without a lock first and then only the target is held, as <see cref="InteractionRecorder"/> does.
    /// </summary>
    private async Task<Customer?> CurrentAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var target = await db.Customers.IgnoreQueryFilters().Where(c => c.Id == customerId).Select(c => c.MergedIntoId).FirstOrDefaultAsync(cancellationToken)
            ?? customerId;
        for (var step = 0; step < 3; step++)
        {
            var customer = await db.Customers.FromSql($"SELECT *, xmin FROM customers.customers WHERE id = {target} FOR UPDATE")
                .IgnoreQueryFilters().SingleOrDefaultAsync(cancellationToken);
            if (customer?.MergedIntoId is not { } survivor)
            {
                return customer;
            }

            target = survivor;
        }

        return null;
    }
}
