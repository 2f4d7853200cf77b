using System.Net;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Identity.Contracts;
using CrmPlatform.Identity.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Platform.Tests.Identity;

/// <summary>In-app notifications: raised by any module's event, once per dedupe key, read only by their user.</summary>
public sealed class NotificationTests(CrmApp app) : IClassFixture<CrmApp>
{
    private const string Url = "/api/v1/me/notifications";

    [Fact]
    public async Task A_notification_raised_twice_reaches_its_user_once_with_its_topic_data_and_link()
    {
        var rep = await app.LoginAsync(DemoUsers.RepWest);
        var me = await rep.MeAsync();
        var key = "test:" + Guid.NewGuid();
        var notify = new NotifyUser(Guid.NewGuid(), DateTimeOffset.UtcNow, me.Id, "customers.keyDateToday",
            new Dictionary<string, string> { ["customerName"] = "王总", ["kind"] = "birthday" }, "/customers/019a0000-0000-7000-8000-000000000001", key);

        await DeliverAsync(notify);
        await DeliverAsync(notify);
        await DeliverAsync(notify with { EventId = Guid.NewGuid() });

        var mine = (await (await rep.GetAsync(Url)).ReadAsync<Page<NotificationDto>>()).Items.Where(n => n.Data.GetValueOrDefault("customerName") == "王总").ToList();
        mine.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Topic = "customers.keyDateToday", Link = "/customers/019a0000-0000-7000-8000-000000000001", ReadAt = (DateTimeOffset?)null,
        });
        mine[0].Data.Should().Contain("kind", "birthday");
    }

    [Fact]
    public async Task The_unread_count_falls_as_notifications_are_read_one_or_all_and_nobody_reads_anothers()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var me = await rep.MeAsync();
        var other = await app.LoginAsync(DemoUsers.ManagerEast);
        var before = await UnreadAsync(rep);
        for (var i = 0; i < 3; i++)
        {
            await DeliverAsync(new NotifyUser(Guid.NewGuid(), DateTimeOffset.UtcNow.AddSeconds(i), me.Id, "test.topic",
                new Dictionary<string, string> { ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, null, "count:" + Guid.NewGuid()));
        }

        (await UnreadAsync(rep)).Should().Be(before + 3);
        var unread = (await (await rep.GetAsync($"{Url}?unreadOnly=true&limit=200")).ReadAsync<Page<NotificationDto>>()).Items;
        var newest = unread[0];
        newest.Data["n"].Should().Be("2", "newest first");

        (await other.PostAsync($"{Url}/{newest.Id}/read", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await other.GetAsync($"{Url}?limit=200")).ReadAsync<Page<NotificationDto>>()).Items.Should().NotContain(n => n.Id == newest.Id);

        (await rep.PostAsync($"{Url}/{newest.Id}/read", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await rep.PostAsync($"{Url}/{newest.Id}/read", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await UnreadAsync(rep)).Should().Be(before + 2);
        (await rep.PostAsync($"{Url}/{Guid.NewGuid()}/read", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await rep.PostAsync($"{Url}/read", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await UnreadAsync(rep)).Should().Be(0);
        (await (await rep.GetAsync($"{Url}?unreadOnly=true")).ReadAsync<Page<NotificationDto>>()).Items.Should().BeEmpty();
        (await (await rep.GetAsync(Url)).ReadAsync<Page<NotificationDto>>()).Items.Should().Contain(n => n.Id == newest.Id && n.ReadAt != null);
    }

    private async Task DeliverAsync(NotifyUser notify)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await IntegrationEventDelivery.DeliverAsync(scope.ServiceProvider, notify, CancellationToken.None);
    }

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await (await client.GetAsync($"{Url}/unread-count")).ReadAsync<UnreadNotificationsDto>()).Count;
}
