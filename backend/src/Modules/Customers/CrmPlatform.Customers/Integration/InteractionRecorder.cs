using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Features;
using CrmPlatform.Customers.Persistence;

namespace CrmPlatform.Customers.Integration;

/// <summary>Puts other modules' <see cref="RecordInteraction"/> events on the timeline, once each (inbox claim).</summary>
internal sealed class InteractionRecorder(CustomersDbContext db, InteractionLog log, TimeProvider clock) : IIntegrationEventHandler<RecordInteraction>
{
    private const string Consumer = "customers.timeline";

    public async Task HandleAsync(RecordInteraction entry, CancellationToken cancellationToken)
    {
        if (!await db.TryClaimAsync(entry, Consumer, clock.GetDatabaseUtcNow(), cancellationToken))
        {
            return;
        }

        log.Add(entry, fromEvent: true);
        await db.SaveChangesAsync(cancellationToken);
    }
}
