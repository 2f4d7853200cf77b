using System.Globalization;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.Customers.Features;
using CrmPlatform.Customers.Persistence;
using CrmPlatform.Identity.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Jobs;

/// <summary>
/// Every morning at 08:00 (China), tells each owner whose customers have a key date or a birthday today:
/// the day to send greetings or call. Run again the same day, it tells nobody twice (the dedupe key).
/// </summary>
internal sealed class KeyDateGreetings(CustomersDbContext db, TimeProvider clock) : IDailyJob
{
    public const string Topic = "customers.keyDateToday";

    public string Name => "customers.key-dates-today";

    public TimeOnly At => new(8, 0);

    public async Task RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var days = await UpcomingDays.FindAsync(db, db.Customers.AsNoTracking(), day, days: 1, limit: int.MaxValue, cancellationToken);
        var customerIds = days.Select(d => d.CustomerId).Distinct().ToList();
        var owners = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.OwnerId, cancellationToken);
        var now = clock.GetDatabaseUtcNow();
        foreach (var keyDay in days)
        {
            var source = keyDay.KeyDateId is { } keyDateId ? $"keyDate:{keyDateId}" : keyDay.ContactId is { } contactId ? $"contact:{contactId}" : $"customer:{keyDay.CustomerId}";
            db.Publish(new NotifyUser(
                Guid.CreateVersion7(now),
                now,
                owners[keyDay.CustomerId],
                Topic,
                Data(keyDay),
                $"/customers/{keyDay.CustomerId}",
                $"{source}:{day:yyyy-MM-dd}"));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Dictionary<string, string> Data(UpcomingKeyDateDto day)
    {
        var data = new Dictionary<string, string>
        {
            ["customerId"] = day.CustomerId.ToString(),
            ["customerName"] = day.CustomerName,
            ["kind"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(day.Kind.ToString()),
            ["date"] = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (day.Label is { } label)
        {
            data["label"] = label;
        }

        if (day.ContactName is { } contactName)
        {
            data["contactName"] = contactName;
        }

        if (day.Years is { } years)
        {
            data["years"] = years.ToString(CultureInfo.InvariantCulture);
        }

        return data;
    }
}
