using System.Net;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.Identity.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>The morning job that tells owners about today's key dates and birthdays, through the notification building block.</summary>
public sealed class KeyDateGreetingsTests(CrmApp app) : IClassFixture<CrmApp>
{
    private const string Job = "customers.key-dates-today";

    [Fact]
    public async Task At_eight_in_Beijing_each_owner_is_told_once_of_the_days_of_their_customers()
    {
        // Three days on (near enough that the nightly pool sweep leaves today's customers alone);
        // 07:59:59 in Beijing is 23:59:59 UTC the day before.
        var day = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(3);
        var monthDay = $"{day.Month:00}-{day.Day:00}";
        var tomorrow = day.AddDays(1);
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var otherTeam = await app.LoginAsync(DemoUsers.RepWest);
        var customer = await (await rep.PostJsonAsync(Url, new { name = "问候 孙总", kind = "person", birthday = $"1970-{monthDay}" })).ReadAsync<Features.CustomerDto>(HttpStatusCode.Created);
        (await rep.PostJsonAsync($"{Url}/{customer.Id}/contacts", new { name = "孙太太", role = "bossFamily", birthday = $"1972-{monthDay}" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await rep.PostJsonAsync($"{Url}/{customer.Id}/key-dates", new { kind = "custom", label = "开业纪念日", month = day.Month, day = day.Day, year = 2010 })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await rep.PostJsonAsync($"{Url}/{customer.Id}/key-dates", new { kind = "birthday", month = tomorrow.Month, day = tomorrow.Day })).StatusCode.Should().Be(HttpStatusCode.Created);
        var clock = new FakeTimeProvider(new DateTimeOffset(day.AddDays(-1).ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero));
        var runner = new DailyJobRunner(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<DailyJobRunner>.Instance);

        (await runner.RunDueAsync(CancellationToken.None)).Should().NotContain(Job);
        clock.Advance(TimeSpan.FromSeconds(1));
        (await runner.RunDueAsync(CancellationToken.None)).Should().Contain(Job);
        await RunAgainAsync(day);

        await Eventually.HoldsAsync(async () => (await GreetingsAsync(rep, customer.Id)).Count >= 3, "the outbox delivers the notifications");
        await Task.Delay(500);
        var greetings = await GreetingsAsync(rep, customer.Id);
        greetings.Select(n => n.Data.GetValueOrDefault("contactName") ?? n.Data.GetValueOrDefault("label") ?? n.Data["kind"])
            .Should().BeEquivalentTo(["孙太太", "开业纪念日", "birthday"], "three days fall on the day, once each; the fourth is the day after");
        greetings.Should().AllSatisfy(n =>
        {
            n.Topic.Should().Be("customers.keyDateToday");
            n.Link.Should().Be($"/customers/{customer.Id}");
            n.Data["date"].Should().Be(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            n.Data["customerName"].Should().Be("问候 孙总");
        });
        greetings.Single(n => n.Data.ContainsKey("label")).Data["years"].Should().Be((day.Year - 2010).ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await GreetingsAsync(otherTeam, customer.Id)).Should().BeEmpty("only the owner is told");
    }

    private async Task RunAgainAsync(DateOnly day)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetServices<IDailyJob>().Single(j => j.Name == Job).RunAsync(day, CancellationToken.None);
    }

    private static async Task<List<NotificationDto>> GreetingsAsync(HttpClient client, Guid customerId) =>
        [.. (await (await client.GetAsync("/api/v1/me/notifications?limit=200")).ReadAsync<Page<NotificationDto>>()).Items
            .Where(n => n.Data.GetValueOrDefault("customerId") == customerId.ToString())];
}
