using System.Net;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Features;
using Microsoft.Extensions.DependencyInjection;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>The relationship card's timeline: entries from the card, and from other modules' events, once each.</summary>
public sealed class TimelineTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Entries_from_the_card_come_back_newest_first_by_when_they_happened_with_who_recorded_them()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var me = await rep.MeAsync();
        var customer = await rep.CreateAsync("时间线 王总");
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1);

        var gift = await AddAsync(rep, customer.Id, new { kind = "gift", summary = "中秋月饼一盒", nextStep = "节后回访", nextStepDue = "2026-12-15" });
        var call = await AddAsync(rep, customer.Id, new { kind = "call", outcome = "notReached", summary = "未接通", occurredAt = yesterday });

        var timeline = await TimelineAsync(rep, customer.Id);
        timeline.Items.Select(i => i.Id).Should().Equal(gift.Id, call.Id);
        timeline.Items[0].Should().BeEquivalentTo(new
        {
            Kind = InteractionKind.Gift, Outcome = (CallOutcome?)null, RecordedBy = (Guid?)me.Id, RecordedByName = me.DisplayName,
            Summary = "中秋月饼一盒", NextStep = "节后回访", NextStepDue = (DateOnly?)new DateOnly(2026, 12, 15), Source = "customers",
        });
        timeline.Items[1].Outcome.Should().Be(CallOutcome.NotReached);
        timeline.Items[1].OccurredAt.Should().BeCloseTo(yesterday, TimeSpan.FromMilliseconds(1));
    }

    [Theory]
    [InlineData("""{"kind":"call","summary":"打了电话"}""", "outcome")]
    [InlineData("""{"kind":"email","outcome":"reached","summary":"发了邮件"}""", "outcome")]
    [InlineData("""{"kind":"note","summary":""}""", "summary")]
    [InlineData("""{"kind":"note","summary":"明天的事","occurredAt":"2099-01-01T00:00:00Z"}""", "occurredAt")]
    [InlineData("""{"kind":"party","summary":"x"}""", "kind")]
    public async Task An_entry_that_cannot_be_right_is_400_naming_the_field(string body, string field)
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.CreateAsync("时间线 校验 " + field, confirmDuplicate: true); // several rows check one field

        var response = await rep.PostAsync($"{Url}/{customer.Id}/interactions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync(field);
    }

    [Fact]
    public async Task Another_teams_rep_can_neither_read_nor_add_to_the_timeline()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.CreateAsync("时间线 越权");
        var otherTeam = await app.LoginAsync(DemoUsers.RepWest);

        await (await otherTeam.GetAsync($"{Url}/{customer.Id}/interactions")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await otherTeam.PostJsonAsync($"{Url}/{customer.Id}/interactions", new { kind = "note", summary = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await TimelineAsync(rep, customer.Id)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Another_modules_entry_is_recorded_once_however_often_it_is_delivered()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.CreateAsync("时间线 拜访");
        var visit = new RecordInteraction(
            Guid.CreateVersion7(), DateTimeOffset.UtcNow.AddHours(-2), customer.Id, InteractionKind.Visit, null, null, "上门拜访，确认下季度订单", null, null, "visits");

        for (var delivery = 0; delivery < 2; delivery++)
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            await IntegrationEventDelivery.DeliverAsync(scope.ServiceProvider, visit, CancellationToken.None);
        }

        var timeline = await TimelineAsync(rep, customer.Id);
        timeline.Items.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = InteractionKind.Visit, Source = "visits", Summary = "上门拜访，确认下季度订单", RecordedBy = (Guid?)null });
    }

    [Fact]
    public async Task The_timeline_pages_by_cursor()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.CreateAsync("时间线 翻页");
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        for (var i = 0; i < 3; i++)
        {
            // Entries of one millisecond have no defined order among themselves: these are minutes apart.
            await AddAsync(rep, customer.Id, new { kind = "note", summary = $"记录 {i}", occurredAt = start.AddMinutes(i) });
        }

        var first = await TimelineAsync(rep, customer.Id, "?limit=2");
        var rest = await TimelineAsync(rep, customer.Id, $"?limit=2&cursor={first.NextCursor}");

        first.Items.Select(i => i.Summary).Should().Equal("记录 2", "记录 1");
        rest.Items.Select(i => i.Summary).Should().Equal("记录 0");
        rest.NextCursor.Should().BeNull();
    }

    private static async Task<InteractionDto> AddAsync(HttpClient client, Guid customerId, object body) =>
        await (await client.PostJsonAsync($"{Url}/{customerId}/interactions", body)).ReadAsync<InteractionDto>(HttpStatusCode.Created);

    private static async Task<Page<InteractionDto>> TimelineAsync(HttpClient client, Guid customerId, string query = "") =>
        await (await client.GetAsync($"{Url}/{customerId}/interactions{query}")).ReadAsync<Page<InteractionDto>>();
}
