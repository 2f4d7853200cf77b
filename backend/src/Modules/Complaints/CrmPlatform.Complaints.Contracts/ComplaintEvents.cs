using CrmPlatform.BuildingBlocks.Outbox;

namespace CrmPlatform.Complaints.Contracts;

/// <summary>A complaint was received; <paramref name="MarketReportId"/> names the market report (Visits) it was made from.</summary>
public sealed record ComplaintReceived(Guid EventId, DateTimeOffset OccurredAt, Guid ComplaintId, Guid CustomerId, Guid? MarketReportId)
    : IntegrationEvent(EventId, OccurredAt);
