using CrmPlatform.BuildingBlocks.Time;

namespace CrmPlatform.Platform.Tests.BuildingBlocks;

/// <summary>The festivals fall on the days of the published calendars for 2024–2027 (the lunar ones move every year).</summary>
public sealed class ChineseFestivalsTests
{
    [Theory]
    [InlineData(2024, "2024-01-01", "2024-02-10", "2024-04-04", "2024-05-01", "2024-06-10", "2024-09-17", "2024-10-01")]
    [InlineData(2025, "2025-01-01", "2025-01-29", "2025-04-04", "2025-05-01", "2025-05-31", "2025-10-06", "2025-10-01")]
    [InlineData(2026, "2026-01-01", "2026-02-17", "2026-04-05", "2026-05-01", "2026-06-19", "2026-09-25", "2026-10-01")]
    [InlineData(2027, "2027-01-01", "2027-02-06", "2027-04-05", "2027-05-01", "2027-06-09", "2027-09-15", "2027-10-01")]
    public void Each_festival_falls_on_its_day(int year, string newYear, string springFestival, string qingming, string labourDay, string dragonBoat, string midAutumn, string nationalDay) =>
        ChineseFestivals.In(year).Should().Equal(
            (Festival.NewYear, Day(newYear)),
            (Festival.SpringFestival, Day(springFestival)),
            (Festival.Qingming, Day(qingming)),
            (Festival.LabourDay, Day(labourDay)),
            (Festival.DragonBoat, Day(dragonBoat)),
            (Festival.MidAutumn, Day(midAutumn)),
            (Festival.NationalDay, Day(nationalDay)));

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_festivals_ahead_run_across_the_new_year_soonest_first_today_included()
    {
        var upcoming = ChineseFestivals.Upcoming(new DateOnly(2026, 12, 25), days: 60);

        upcoming.Should().Equal((Festival.NewYear, new DateOnly(2027, 1, 1)), (Festival.SpringFestival, new DateOnly(2027, 2, 6)));
        ChineseFestivals.Upcoming(new DateOnly(2026, 10, 1), days: 1).Should().Equal((Festival.NationalDay, new DateOnly(2026, 10, 1)));
        ChineseFestivals.Upcoming(new DateOnly(2026, 9, 1), days: 31).Select(f => f.Festival).Should().Equal(Festival.MidAutumn, Festival.NationalDay);
    }
}
