namespace CrmPlatform.BuildingBlocks.Time;

/// <summary>
/// The calendar our users live by: China Standard Time, UTC+8 all year (no daylight saving since 1991),
/// so no time-zone database is needed. "Today", "due", "overdue" and "late" are days of this calendar.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow());

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>Midnight at the start of <paramref name="day"/> in China, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();
}
