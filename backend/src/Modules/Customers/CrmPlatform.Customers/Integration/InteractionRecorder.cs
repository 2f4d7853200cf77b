using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Features;
using CrmPlatform.Customers.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Integration;

/// <summary>Puts other modules' <see cref="RecordInteraction"/> events on the timeline, once each (inbox claim).</summary>
internal sealed class InteractionRecorder(CustomersDbContext db, InteractionLog log, TimeProvider clock) : IIntegrationEventHandler<RecordInteraction>
{
    private const string Consumer = "customers.timeline";

    public async Task HandleAsync(RecordInteraction entry, CancellationToken cancellationToken)
    {
        // The activity moves by a statement of its own: one transaction with the entry and the inbox claim.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.TryClaimAsync(entry, Consumer, clock.GetDatabaseUtcNow(), cancellationToken))
        {
            return;
        }

        // Held FOR SHARE: the entry only adds to the customer, and a merge waits for it (then moves it).
        var target = await CustomerAccess.FollowMergesAsync(db, entry.CustomerId, id => CustomerAccess.Held(db, id).AsNoTracking(), cancellationToken);
        await log.AddAsync(entry with { CustomerId = target?.Id ?? entry.CustomerId }, fromEvent: true, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
