using CrmPlatform.Complaints.Contracts;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Complaints.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Complaints.Features;

/// <summary>The Complaints module's answer to <see cref="IComplaintCounts"/>: one grouped query over the open complaints of the owners' customers.</summary>
internal sealed class ComplaintCounts(ComplaintsDbContext db) : IComplaintCounts
{
    public async Task<CustomersWithOpenComplaints> OpenByCustomerAsync(IReadOnlyCollection<Guid> customerOwners, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        Guid[] owners = [.. customerOwners];
        var open = db.Complaints.AsNoTracking()
            .Where(c => owners.Contains(c.CustomerOwnerId) && !c.CustomerArchived && c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed)
            .GroupBy(c => new { c.CustomerId, c.CustomerName, c.CustomerOwnerId })
            .Select(g => new { g.Key.CustomerId, g.Key.CustomerName, g.Key.CustomerOwnerId, Open = g.Count(), Overdue = g.Count(c => c.PromisedAt < now) });
        var total = await open.CountAsync(cancellationToken);
        var rows = await open.OrderByDescending(c => c.Overdue).ThenByDescending(c => c.Open).ThenBy(c => c.CustomerId).Take(limit).ToListAsync(cancellationToken);
        return new CustomersWithOpenComplaints(total, [.. rows.Select(c => new CustomerOpenComplaints(c.CustomerId, c.CustomerName, c.CustomerOwnerId, c.Open, c.Overdue))]);
    }
}
