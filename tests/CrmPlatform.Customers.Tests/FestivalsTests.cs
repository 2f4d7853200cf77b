using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Features;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>The festivals ahead, for greetings: every statutory festival within a year, soonest first, counted in China's days.</summary>
public sealed class FestivalsTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task A_year_ahead_holds_every_festival_soonest_first_with_the_days_to_go()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var today = ChinaTime.Today(TimeProvider.System);

        var festivals = await (await rep.GetAsync($"{Url}/festivals/upcoming?days=366")).ReadAsync<List<UpcomingFestivalDto>>();

        festivals.Select(f => f.Festival).Distinct().Should().BeEquivalentTo(Enum.GetValues<Festival>(), "each comes once a year");
        festivals.Should().HaveCountLessThanOrEqualTo(8, "only today's festival can come twice in 366 days");
        festivals.Select(f => f.Date).Should().BeInAscendingOrder();
        festivals.Should().OnlyContain(f => f.DaysAway == f.Date.DayNumber - today.DayNumber && f.DaysAway >= 0 && f.DaysAway < 366);
    }

    [Theory]
    [InlineData("days=0")]
    [InlineData("days=367")]
    public async Task A_window_outside_one_day_to_a_year_is_400(string query)
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        await (await rep.GetAsync($"{Url}/festivals/upcoming?{query}")).ShouldHaveFieldErrorAsync("days");
    }
}
