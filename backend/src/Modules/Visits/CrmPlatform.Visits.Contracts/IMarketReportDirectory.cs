namespace CrmPlatform.Visits.Contracts;

/// <summary>What other modules may ask the Visits module about market reports (ADR 0013): the Complaints module turns one into a complaint.</summary>
public interface IMarketReportDirectory
{
    /// <summary>The report, when it exists and the current caller may see it (record scope, as on <c>GET /visits/market-reports</c>).</summary>
    Task<MarketReportCard?> FindVisibleAsync(Guid id, CancellationToken cancellationToken);
}

/// <param name="CustomerId">The customer it was about, when it named one.</param>
/// <param name="ComplaintId">The complaint it was already turned into, if any.</param>
public sealed record MarketReportCard(Guid Id, Guid? CustomerId, string Description, string? Product, DateOnly ObservedOn, Guid? ComplaintId);
