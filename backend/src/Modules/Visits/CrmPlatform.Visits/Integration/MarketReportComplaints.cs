using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Complaints.Contracts;
using CrmPlatform.Visits.Contracts;
using CrmPlatform.Visits.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Visits.Integration;

/// <summary>
/// Market reports and the complaints made from them: the Complaints module asks for a report the caller can see
/// (<see cref="IMarketReportDirectory"/>), and tells when it made one into a complaint (<see cref="ComplaintReceived"/>),
/// which the report keeps, once.
/// </summary>
internal sealed class MarketReportComplaints(VisitsDbContext db, ICurrentUser currentUser, TimeProvider clock) :
    IMarketReportDirectory, IIntegrationEventHandler<ComplaintReceived>
{
    private const string Consumer = "visits.market-report-complaints";

    public async Task<MarketReportCard?> FindVisibleAsync(Guid id, CancellationToken cancellationToken) =>
        await db.MarketReports.AsNoTracking().VisibleTo(currentUser)
            .Where(r => r.Id == id)
            .Select(r => new MarketReportCard(r.Id, r.CustomerId, r.Description, r.Product, r.ObservedOn, r.ComplaintId))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task HandleAsync(ComplaintReceived received, CancellationToken cancellationToken)
    {
        if (received.MarketReportId is not { } reportId || !await db.TryClaimAsync(received, Consumer, clock.GetDatabaseUtcNow(), cancellationToken))
        {
            return;
        }

        if (await db.MarketReports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken) is { } report)
        {
            report.TurnedInto(received.ComplaintId);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
