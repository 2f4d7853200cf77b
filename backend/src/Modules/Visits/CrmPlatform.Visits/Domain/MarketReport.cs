using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;

namespace CrmPlatform.Visits.Domain;

/// <summary>What the rep saw in the market (市场状况反映表, seed 001's headings).</summary>
public enum MarketReportKind
{
    CompetitorPromotion,
    CompetitorNewProduct,
    DistributorComplaint,
    PersonnelChange,
    ProductOpinion,
    Other,
}

/// <summary>How much it matters: a serious report reaches the manager and the director at once.</summary>
public enum MarketSeverity
{
    Minor,
    Notable,
    Serious,
}

public enum MarketReportStatus
{
    Open,
    Acknowledged,
}

internal static class MarketLimits
{
    public const int Name = 100;
    public const int Text = 2000;
    public const int Response = 1000;
}

/// <summary>
/// 市场状况反映表: something a rep saw at customers or competitors — a promotion, a new product, a distributor's complaint,
/// a change of people at a customer, what customers say of our product. The manager acknowledges it with a response.
/// </summary>
internal sealed class MarketReport : IOwnedRecord, IAudited
{
    private MarketReport()
    {
    }

    public Guid Id { get; private init; }

    /// <summary>The rep who reported it.</summary>
    public Guid OwnerId { get; private init; }

    public Guid? TeamId { get; private init; }

    public DateOnly ObservedOn { get; private init; }

    public MarketReportKind Kind { get; private init; }

    public MarketSeverity Severity { get; private init; }

    public Guid? CustomerId { get; private init; }

    public string? CustomerName { get; private init; }

    public string? Competitor { get; private init; }

    public string? Product { get; private init; }

    public string Description { get; private init; } = string.Empty;

    public string? SuggestedAction { get; private init; }

    public MarketReportStatus Status { get; private set; }

    /// <summary>What the manager answered when acknowledging it.</summary>
    public string? Response { get; private set; }

    public Guid? AcknowledgedBy { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>The complaint (Complaints module) it was turned into.</summary>
    public Guid? ComplaintId { get; private set; }

    [NotAudited]
    public DateTimeOffset ReportedAt { get; private init; }

    public uint Version { get; private set; }

    public static MarketReport Report(
        Guid repId, Guid? teamId, DateOnly observedOn, MarketReportKind kind, MarketSeverity severity, (Guid Id, string Name)? customer,
        string? competitor, string? product, string description, string? suggestedAction, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OwnerId = repId,
        TeamId = teamId,
        ObservedOn = observedOn,
        Kind = kind,
        Severity = severity,
        CustomerId = customer?.Id,
        CustomerName = customer?.Name,
        Competitor = competitor,
        Product = product,
        Description = description,
        SuggestedAction = suggestedAction,
        Status = MarketReportStatus.Open,
        ReportedAt = now,
    };

    public Error? Acknowledge(string? response, Guid by, DateTimeOffset now)
    {
        if (Status == MarketReportStatus.Acknowledged)
        {
            return Error.Unprocessable("market.acknowledged", "status", "The report is already acknowledged.");
        }

        (Status, Response, AcknowledgedBy, AcknowledgedAt) = (MarketReportStatus.Acknowledged, response, by, now);
        return null;
    }

    /// <summary>The report became a complaint: kept once, whatever arrives later.</summary>
    public bool TurnedInto(Guid complaintId)
    {
        if (ComplaintId is not null)
        {
            return false;
        }

        ComplaintId = complaintId;
        return true;
    }
}
