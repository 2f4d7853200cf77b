using System.Globalization;

namespace CrmPlatform.BuildingBlocks.Time;

/// <summary>China's statutory festivals (法定节日): the days customers are greeted and gifts are sent.</summary>
public enum Festival
{
    NewYear,
    SpringFestival,
    Qingming,
    LabourDay,
    DragonBoat,
    MidAutumn,
    NationalDay,
}

/// <summary>
/// On which day each <see cref="Festival"/> falls in a year: fixed days of the Gregorian calendar, days of the
/// Chinese lunisolar calendar (.NET's <see cref="ChineseLunisolarCalendar"/>, 1901–2100), and Qingming, the solar
/// term near 5 April. Only the festival itself; the official days off around it are set by the State Council each
/// year and are not this.
/// </summary>
public static class ChineseFestivals
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static IReadOnlyList<(Festival Festival, DateOnly Day)> In(int year) =>
    [
        (Festival.NewYear, new DateOnly(year, 1, 1)),
        (Festival.SpringFestival, LunarDay(year, 1, 1)),
        (Festival.Qingming, new DateOnly(year, 4, QingmingDayOfApril(year))),
        (Festival.LabourDay, new DateOnly(year, 5, 1)),
        (Festival.DragonBoat, LunarDay(year, 5, 5)),
        (Festival.MidAutumn, LunarDay(year, 8, 15)),
        (Festival.NationalDay, new DateOnly(year, 10, 1)),
    ];

    /// <summary>The festivals from <paramref name="today"/> (included) to <paramref name="days"/> days on, soonest first.</summary>
    public static IEnumerable<(Festival Festival, DateOnly Day)> Upcoming(DateOnly today, int days) =>
        In(today.Year).Concat(In(today.Year + 1))
            .Where(f => f.Day >= today && f.Day < today.AddDays(days))
            .OrderBy(f => f.Day);

    /// <summary>Lunar month and day as people say them: in a year with a leap month, the months after it count one more.</summary>
    private static DateOnly LunarDay(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>The 21st-century rule for the solar term Qingming: ⌊Y × 0.2422 + 4.81⌋ − ⌊Y / 4⌋, Y the year's last two digits.</summary>
    private static int QingmingDayOfApril(int year)
    {
        var y = year % 100;
        return (int)Math.Floor((y * 0.2422) + 4.81) - (y / 4);
    }
}
