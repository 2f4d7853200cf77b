using CrmPlatform.BuildingBlocks.Auditing;

namespace CrmPlatform.Customers.Domain;

public enum KeyDateKind
{
    Birthday,
    CompanyAnniversary,
    Custom,
}

internal static class KeyDateLimits
{
    public const int Label = 100;
}

/// <summary>
/// A day of the year worth a greeting or a visit: the customer's birthday, the company's founding day,
/// or any date the rep names. Stored as month and day (the year is optional: it gives the age or the
/// anniversary's number), plus <see cref="MonthDay"/> (month × 100 + day) for "which fall in the next N days".
/// </summary>
internal sealed class KeyDate : IAudited
{
    private KeyDate()
    {
    }

    public Guid Id { get; private init; }

    public Guid CustomerId { get; private init; }

    public KeyDateKind Kind { get; private init; }

    public string? Label { get; private init; }

    public int Month { get; private init; }

    public int Day { get; private init; }

    public int? Year { get; private init; }

    [NotAudited]
    public int MonthDay { get; private init; }

    public static KeyDate Add(Guid customerId, KeyDateKind kind, string? label, int month, int day, int? year, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CustomerId = customerId,
        Kind = kind,
        Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim(),
        Month = month,
        Day = day,
        Year = year,
        MonthDay = (month * 100) + day,
    };

    /// <summary>The next time this day comes round, on or after <paramref name="today"/>; 29 February falls on the 28th in other years.</summary>
    public DateOnly NextOccurrence(DateOnly today) => NextOccurrence(Month, Day, today);

    /// <summary>The next time <paramref name="month"/>/<paramref name="dayOfMonth"/> comes round, on or after <paramref name="today"/>.</summary>
    public static DateOnly NextOccurrence(int month, int dayOfMonth, DateOnly today)
    {
        for (var year = today.Year; ; year++)
        {
            var day = month == 2 && dayOfMonth == 29 && !DateTime.IsLeapYear(year) ? 28 : dayOfMonth;
            var date = new DateOnly(year, month, day);
            if (date >= today)
            {
                return date;
            }
        }
    }
}
