namespace CrmPlatform.BuildingBlocks.Time;

/// <summary>The days a request may name: far enough either way for any real business, near enough for date arithmetic.</summary>
public static class CalendarLimits
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2099, 12, 31);
}

/// <summary>Weeks as Chinese calendars and offices count them: Monday to Sunday.</summary>
public static class ChinaWeeks
{
    public static (DateOnly Start, DateOnly End) Of(DateOnly day)
    {
        var start = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return (start, start.AddDays(6));
    }
}
