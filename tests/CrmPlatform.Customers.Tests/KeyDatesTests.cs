using System.Net;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>Key dates on a customer, and "who has a key date in the next days" across the customers one may see.</summary>
public sealed class KeyDatesTests(CrmApp app) : DayBoundTests, IClassFixture<CrmApp>
{

    [Fact]
    public async Task Upcoming_lists_the_key_dates_in_the_window_soonest_first_with_days_away_and_years()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.CreateAsync("纪念日 李总");
        var inThree = ChinaDay.Today().AddDays(3);
        var inTwenty = ChinaDay.Today().AddDays(20);
        var today = ChinaDay.Today();
        var birthday = await AddAsync(rep, customer.Id, new { kind = "birthday", month = inThree.Month, day = inThree.Day, year = inThree.Year - 50 });
        var opening = await AddAsync(rep, customer.Id, new { kind = "custom", label = "开业纪念日", month = today.Month, day = today.Day });
        var later = await AddAsync(rep, customer.Id, new { kind = "companyAnniversary", month = inTwenty.Month, day = inTwenty.Day });

        var upcoming = await UpcomingAsync(rep, "?days=14");
        var mine = upcoming.Where(u => u.CustomerId == customer.Id).ToList();

        mine.Select(u => u.KeyDateId).Should().Equal(opening.Id, birthday.Id);
        mine[0].Should().BeEquivalentTo(new { DaysAway = 0, Date = today, Label = "开业纪念日", CustomerName = "纪念日 李总", Years = (int?)null });
        mine[1].Should().BeEquivalentTo(new { DaysAway = 3, Date = inThree, Years = (int?)50, Kind = KeyDateKind.Birthday });
        (await UpcomingAsync(rep, "?days=30")).Select(u => u.KeyDateId).Should().Contain(later.Id);
    }

    [Fact]
    public async Task Another_teams_customers_key_dates_are_not_listed_nor_reachable()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.CreateAsync("纪念日 越权");
        var tomorrow = ChinaDay.Today().AddDays(1);
        var keyDate = await AddAsync(rep, customer.Id, new { kind = "birthday", month = tomorrow.Month, day = tomorrow.Day });
        var otherTeam = await app.LoginAsync(DemoUsers.RepWest);
        var director = await app.LoginAsync(DemoUsers.Director);

        (await UpcomingAsync(otherTeam, "?days=3")).Should().NotContain(u => u.KeyDateId == keyDate.Id);
        (await UpcomingAsync(director, "?days=3&limit=200")).Should().Contain(u => u.KeyDateId == keyDate.Id);
        await (await otherTeam.GetAsync($"{Url}/{customer.Id}/key-dates")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await otherTeam.DeleteAsync($"{Url}/{customer.Id}/key-dates/{keyDate.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await rep.DeleteAsync($"{Url}/{customer.Id}/key-dates/{keyDate.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await rep.GetAsync($"{Url}/{customer.Id}/key-dates")).ReadAsync<List<KeyDateDto>>()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"kind":"birthday","month":2,"day":30}""", "day")]
    [InlineData("""{"kind":"birthday","month":13,"day":1}""", "month")]
    [InlineData("""{"kind":"custom","month":5,"day":1}""", "label")]
    [InlineData("""{"kind":"birthday","month":5,"day":1,"year":1800}""", "year")]
    public async Task An_impossible_date_is_400_naming_the_field(string body, string field)
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.CreateAsync("纪念日 校验 " + field);

        var response = await rep.PostAsync($"{Url}/{customer.Id}/key-dates", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync(field);
    }

    [Fact]
    public async Task A_29_february_birthday_comes_round_on_the_28th_in_other_years()
    {
        var keyDate = KeyDate.Add(Guid.NewGuid(), KeyDateKind.Birthday, null, 2, 29, 1992, DateTimeOffset.UtcNow);

        keyDate.NextOccurrence(new DateOnly(2027, 2, 1)).Should().Be(new DateOnly(2027, 2, 28));
        keyDate.NextOccurrence(new DateOnly(2028, 2, 1)).Should().Be(new DateOnly(2028, 2, 29));
        keyDate.NextOccurrence(new DateOnly(2027, 12, 30)).Should().Be(new DateOnly(2028, 2, 29));
        KeyDates.MonthDaysFrom(new DateOnly(2027, 2, 27), 3).Should().Equal(227, 228, 229, 301);
        KeyDates.MonthDaysFrom(new DateOnly(2026, 12, 30), 3).Should().Equal(1230, 1231, 101);
    }

    private static async Task<KeyDateDto> AddAsync(HttpClient client, Guid customerId, object body) =>
        await (await client.PostJsonAsync($"{Url}/{customerId}/key-dates", body)).ReadAsync<KeyDateDto>(HttpStatusCode.Created);

    private static async Task<List<UpcomingKeyDateDto>> UpcomingAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"{Url}/key-dates/upcoming{query}")).ReadAsync<List<UpcomingKeyDateDto>>();
}
