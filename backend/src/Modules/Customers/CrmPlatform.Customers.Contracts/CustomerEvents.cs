using CrmPlatform.BuildingBlocks.Outbox;

namespace CrmPlatform.Customers.Contracts;

public sealed record CustomerCreated(Guid EventId, DateTimeOffset OccurredAt, Guid CustomerId, string Name, Guid OwnerId, Guid? TeamId)
    : IntegrationEvent(EventId, OccurredAt);

public sealed record CustomerArchived(Guid EventId, DateTimeOffset OccurredAt, Guid CustomerId)
    : IntegrationEvent(EventId, OccurredAt);
