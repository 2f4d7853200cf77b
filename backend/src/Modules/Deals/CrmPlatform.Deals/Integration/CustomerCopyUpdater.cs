using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Deals.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Integration;

/// <summary>
/// Keeps <see cref="CustomerCopy"/> rows current from the Customers module's events. Each event is
/// claimed in the inbox with the change it makes, so a redelivery changes nothing. An event about a
/// customer whose creation has not arrived yet fails, and the outbox delivers it again later.
/// </summary>
internal sealed class CustomerCopyUpdater(DealsDbContext db, TimeProvider clock) :
    IIntegrationEventHandler<CustomerCreated>,
    IIntegrationEventHandler<CustomerRenamed>,
    IIntegrationEventHandler<CustomerOwnerChanged>,
    IIntegrationEventHandler<CustomerArchived>
{
    private const string Consumer = "deals.customer-copies";

    public Task HandleAsync(CustomerCreated created, CancellationToken cancellationToken) =>
        ApplyOnceAsync(created, async () =>
        {
            if (await db.CustomerCopies.FindAsync([created.CustomerId], cancellationToken) is null)
            {
                db.CustomerCopies.Add(CustomerCopy.Create(created.CustomerId, created.Name, created.OwnerId, created.TeamId, created.OccurredAt));
            }
        }, cancellationToken);

    public Task HandleAsync(CustomerRenamed renamed, CancellationToken cancellationToken) =>
        ApplyOnceAsync(renamed, async () => (await KnownAsync(renamed.CustomerId, cancellationToken)).Rename(renamed.Name, renamed.OccurredAt), cancellationToken);

    public Task HandleAsync(CustomerOwnerChanged changed, CancellationToken cancellationToken) =>
        ApplyOnceAsync(changed, async () => (await KnownAsync(changed.CustomerId, cancellationToken)).AssignTo(changed.OwnerId, changed.TeamId, changed.OccurredAt), cancellationToken);

    public Task HandleAsync(CustomerArchived archived, CancellationToken cancellationToken) =>
        ApplyOnceAsync(archived, async () => (await KnownAsync(archived.CustomerId, cancellationToken)).Archive(archived.OccurredAt), cancellationToken);

    private async Task ApplyOnceAsync(IntegrationEvent integrationEvent, Func<Task> apply, CancellationToken cancellationToken)
    {
        if (await db.TryClaimAsync(integrationEvent, Consumer, clock.GetDatabaseUtcNow(), cancellationToken))
        {
            await apply();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<CustomerCopy> KnownAsync(Guid customerId, CancellationToken cancellationToken) =>
        await db.CustomerCopies.SingleOrDefaultAsync(c => c.CustomerId == customerId, cancellationToken)
        ?? throw new InvalidOperationException($"Customer {customerId} is not known to Deals yet; its creation is still to be delivered.");
}
