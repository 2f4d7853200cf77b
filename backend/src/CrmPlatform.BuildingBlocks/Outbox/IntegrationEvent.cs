namespace CrmPlatform.BuildingBlocks.Outbox;

/// <summary>
/// A fact one module tells the others, declared in the publisher's Contracts project, written to the
/// publisher's outbox in the command's transaction and delivered after commit, at least once.
/// </summary>
public abstract record IntegrationEvent(Guid EventId, DateTimeOffset OccurredAt);

/// <summary>
/// A module's reaction to another module's event. Delivery is at-least-once: claim the event with
/// <see cref="Persistence.ModuleDbContext.TryClaimAsync"/> in the same save as the reaction.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
