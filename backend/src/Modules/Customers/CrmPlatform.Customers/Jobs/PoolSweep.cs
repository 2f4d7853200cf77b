using System.Globalization;
using System.Linq.Expressions;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using CrmPlatform.Customers.Persistence;
using CrmPlatform.Identity.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Jobs;

/// <summary>
/// Every night at 02:00 (China): customers untouched for the set days (no timeline entry, no new owner)
/// return to their team's pool, and owners are warned the set days before. A customer's pool day is the
/// China day of its last touch plus the days; a sweep returns every customer whose pool day has come, so a
/// missed night is made up by the next. A customer whose owner has no team has no pool to go to and stays.
/// </summary>
internal sealed class PoolSweep(CustomersDbContext db, PoolReturns returns, TimeProvider clock) : IDailyJob
{
    public const string WarningTopic = "customers.poolWarning";
    private const int Batch = 500;

    public string Name => "customers.pool-sweep";

    public TimeOnly At => new(2, 0);

    public async Task RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var settings = await db.Settings.AsNoTracking().SingleAsync(cancellationToken);
        await ReturnAsync(ChinaTime.StartOf(day.AddDays(1 - settings.PoolAfterDays)), cancellationToken);
        if (settings.PoolWarningDays > 0)
        {
            await WarnAsync(day.AddDays(settings.PoolWarningDays), settings.PoolAfterDays, cancellationToken);
        }
    }

    /// <summary>Customers last touched before <paramref name="touchedBefore"/> go back, a batch at a time (each leaves the query as it goes).</summary>
    private async Task ReturnAsync(DateTimeOffset touchedBefore, CancellationToken cancellationToken)
    {
        while (true)
        {
            var due = await db.Customers.Include(c => c.Activity)
                .Where(c => c.TeamId != null)
                .Where(Touched(Expression.LessThan, touchedBefore))
                .OrderBy(c => c.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return;
            }

            foreach (var customer in due)
            {
                returns.Return(customer, by: null, reason: null);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Tells each owner of a customer whose pool day is <paramref name="poolDay"/>: once per customer and pool day.</summary>
    private async Task WarnAsync(DateOnly poolDay, int afterDays, CancellationToken cancellationToken)
    {
        var from = ChinaTime.StartOf(poolDay.AddDays(-afterDays));
        var until = ChinaTime.StartOf(poolDay.AddDays(1 - afterDays));
        var warned = await db.Customers.AsNoTracking()
            .Where(c => c.TeamId != null)
            .Where(Touched(Expression.LessThan, until))
            .Where(Touched(Expression.GreaterThanOrEqual, from))
            .Select(c => new { c.Id, c.Name, c.OwnerId })
            .ToListAsync(cancellationToken);
        var now = clock.GetDatabaseUtcNow();
        var date = poolDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var customer in warned)
        {
            db.Publish(new NotifyUser(
                Guid.CreateVersion7(now), now, customer.OwnerId, WarningTopic,
                new Dictionary<string, string> { ["customerId"] = customer.Id.ToString(), ["customerName"] = customer.Name, ["poolDate"] = date },
                $"/customers/{customer.Id}", $"pool-warning:{customer.Id}:{date}"));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>When a customer was last touched: its latest timeline entry, or when its owner got it if that is later.</summary>
    private static readonly Expression<Func<Customer, DateTimeOffset>> LastTouched = c =>
        c.Activity != null && c.Activity.LastInteractionAt > c.AssignedAt ? c.Activity.LastInteractionAt : c.AssignedAt;

    /// <summary>"Last touched (compared with) <paramref name="time"/>", the time sent as a parameter.</summary>
    private static Expression<Func<Customer, bool>> Touched(Func<Expression, Expression, BinaryExpression> compare, DateTimeOffset time) =>
        Expression.Lambda<Func<Customer, bool>>(
            compare(LastTouched.Body, Expression.Property(Expression.Constant(new Moment(time)), nameof(Moment.Value))), LastTouched.Parameters);

    private sealed record Moment(DateTimeOffset Value);
}
