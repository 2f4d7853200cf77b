using Mediator;

namespace CrmPlatform.BuildingBlocks.Outbox;

/// <summary>
/// A fact one module tells the others, declared in the publisher's Contracts project.
/// Delivered at least once: consumers use <see cref="Persistence.ModuleDbContext.TryClaimAsync"/> to stay idempotent.
/// </summary>
public abstract record IntegrationEvent(Guid EventId, DateTimeOffset OccurredAt) : INotification;
