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

        await log.AddAsync(entry with { CustomerId = await TargetAsync(entry.CustomerId, cancellationToken) }, fromEvent: true, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The customer the entry belongs to: the one named, or the survivor it was merged into since (merges re-point
    /// earlier ones, so one step suffices). The pointer is read without a lock, then only the target is held
    /// (FOR SHARE, until the commit) and read again: holding the merged-away row would deadlock with a merge of the
    /// survivor, which re-points it.
    /// </summary>
    private async Task<Guid> TargetAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var target = customerId;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            target = await db.Customers.IgnoreQueryFilters().Where(c => c.Id == target).Select(c => c.MergedIntoId).FirstOrDefaultAsync(cancellationToken) ?? target;
            var mergedSince = await CustomerAccess.Held(db, target).IgnoreQueryFilters().Select(c => c.MergedIntoId).FirstOrDefaultAsync(cancellationToken);
            if (mergedSince is null)
            {
                return target;
            }
        }

        return target;
    }
}
