using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers;

/// <summary>Counts timeline entries by who recorded them, along the (recorded_by, occurred_at) index.</summary>
internal sealed class ActivityCounter(CustomersDbContext db) : ICustomerActivity
{
    public async Task<IReadOnlyList<RecordedActivity>> CountAsync(
        IReadOnlyCollection<Guid>? people, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var entries = db.Interactions.AsNoTracking()
            .Where(i => i.RecordedBy != null && i.OccurredAt >= from && i.OccurredAt < to
                && (i.Kind == InteractionKind.Call || i.Kind == InteractionKind.Meeting || i.Kind == InteractionKind.Visit));
        if (people is not null)
        {
            Guid[] ids = [.. people];
            entries = entries.Where(i => ids.Contains(i.RecordedBy!.Value));
        }

        return await entries
            .GroupBy(i => i.RecordedBy!.Value)
            .Select(g => new RecordedActivity(
                g.Key,
                g.Count(i => i.Kind == InteractionKind.Call),
                g.Count(i => i.Kind == InteractionKind.Call && i.Outcome == CallOutcome.Reached),
                g.Count(i => i.Kind != InteractionKind.Call),
                g.Sum(i => i.DurationMinutes ?? 0)))
            .ToListAsync(cancellationToken);
    }
}
