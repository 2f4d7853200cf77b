using CrmPlatform.BuildingBlocks.Outbox;

namespace CrmPlatform.Visits.Contracts;

/// <summary>A visit about a complaint was checked out: the rep saw the customer about it, and <paramref name="Outcome"/> is what came of it.</summary>
public sealed record ComplaintVisited(Guid EventId, DateTimeOffset OccurredAt, Guid ComplaintId, Guid VisitId, Guid RepId, string Outcome)
    : IntegrationEvent(EventId, OccurredAt);
