using CrmPlatform.BuildingBlocks.Outbox;

namespace CrmPlatform.Customers.Contracts;

// What the Customers module tells the others (ADR 0013). Each event carries what a module that keeps
// a copy of customers needs to stay current, so a consumer never has to call back to read the rest.

/// <param name="TeamId">The owner's team when the customer was created: what managers' record scope matches.</param>
public sealed record CustomerCreated(Guid EventId, DateTimeOffset OccurredAt, Guid CustomerId, string Name, Guid OwnerId, Guid? TeamId)
    : IntegrationEvent(EventId, OccurredAt);

public sealed record CustomerRenamed(Guid EventId, DateTimeOffset OccurredAt, Guid CustomerId, string Name)
    : IntegrationEvent(EventId, OccurredAt);

/// <summary>The customer went to another rep (and so, perhaps, to another team).</summary>
public sealed record CustomerOwnerChanged(Guid EventId, DateTimeOffset OccurredAt, Guid CustomerId, Guid OwnerId, Guid? TeamId, Guid PreviousOwnerId)
    : IntegrationEvent(EventId, OccurredAt);

/// <summary>Soft-deleted: hidden everywhere, kept for history.</summary>
public sealed record CustomerArchived(Guid EventId, DateTimeOffset OccurredAt, Guid CustomerId)
    : IntegrationEvent(EventId, OccurredAt);
