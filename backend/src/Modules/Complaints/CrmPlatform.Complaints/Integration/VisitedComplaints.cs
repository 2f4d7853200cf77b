using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Complaints.Contracts;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Complaints.Features;
using CrmPlatform.Complaints.Persistence;
using CrmPlatform.Visits.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Complaints.Integration;

/// <summary>
/// Complaints and the visits about them: the Visits module asks for a complaint the rep can see
/// (<see cref="IComplaintDirectory"/>), and tells when a visit about one was checked out (<see cref="ComplaintVisited"/>),
/// which the complaint keeps as what the customer was told, in person (及时通知顾客).
/// </summary>
internal sealed class VisitedComplaints(ComplaintsDbContext db, ComplaintViews views, TimeProvider clock) :
    IComplaintDirectory, IIntegrationEventHandler<ComplaintVisited>
{
    private const string Consumer = "complaints.visited-complaints";

    public async Task<ComplaintCard?> FindVisibleAsync(Guid id, CancellationToken cancellationToken) =>
        await views.Visible().AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ComplaintCard(c.Id, c.Title, c.CustomerId, c.Status == ComplaintStatus.Closed))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task HandleAsync(ComplaintVisited visited, CancellationToken cancellationToken)
    {
        if (!await db.TryClaimAsync(visited, Consumer, clock.GetDatabaseUtcNow(), cancellationToken))
        {
            return;
        }

        if (await db.Complaints.SingleOrDefaultAsync(c => c.Id == visited.ComplaintId, cancellationToken) is { } complaint)
        {
            // A complaint closed since the check-out refuses it: the customer has confirmed the resolution, and the visit
            // stays on the visit alone.
            _ = complaint.UpdateCustomer(ComplaintChannel.Visit, visited.Outcome, visited.RepId, visited.OccurredAt);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
