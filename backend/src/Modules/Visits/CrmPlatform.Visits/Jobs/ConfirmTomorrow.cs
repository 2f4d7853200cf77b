using System.Globalization;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.Identity.Contracts;
using CrmPlatform.Visits.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Visits.Jobs;

/// <summary>
/// Every afternoon at 16:00 (China), tells each rep how many of tomorrow's planned visits still wait for confirmation
/// (约访), with a link to tomorrow's confirmation list: time enough to call the customers before they leave work.
/// Run again the same day, it tells nobody twice.
/// </summary>
internal sealed class ConfirmTomorrow(VisitsDbContext db, TimeProvider clock) : IDailyJob
{
    public const string Topic = "visits.confirmTomorrow";

    public string Name => "visits.confirm-tomorrow";

    public TimeOnly At => new(16, 0);

    public async Task RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var tomorrow = day.AddDays(1);
        var plans = await db.Plans.AsNoTracking().Where(p => p.Day == tomorrow).Select(p => new { p.Id, p.OwnerId, p.Visits }).ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var confirmed = (await db.Confirmations.AsNoTracking().Where(c => planIds.Contains(c.PlanId)).Select(c => new { c.PlanId, c.CustomerId }).ToListAsync(cancellationToken))
            .Select(c => (c.PlanId, c.CustomerId))
            .ToHashSet();
        var now = clock.GetDatabaseUtcNow();
        var date = tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var plan in plans)
        {
            var waiting = plan.Visits.Count(v => !confirmed.Contains((plan.Id, v.CustomerId)));
            if (waiting > 0)
            {
                db.Publish(new NotifyUser(
                    Guid.CreateVersion7(now),
                    now,
                    plan.OwnerId,
                    Topic,
                    new Dictionary<string, string> { ["date"] = date, ["count"] = waiting.ToString(CultureInfo.InvariantCulture) },
                    $"/visits/confirmations?day={date}",
                    $"visits.confirm:{date}"));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
