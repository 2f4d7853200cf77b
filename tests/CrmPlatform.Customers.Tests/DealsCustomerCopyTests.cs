using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Features;
using Microsoft.Extensions.DependencyInjection;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>
/// The Deals module keeps its copy of customers (deals.customer_copies) current from the Customers
/// module's events, the first consumer of ADR 0013.
/// </summary>
public sealed class DealsCustomerCopyTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Deals_keeps_its_copy_of_a_customer_current_through_create_rename_reassign_and_archive()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var director = await app.LoginAsync(DemoUsers.Director);
        var west = await (await app.LoginAsync(DemoUsers.RepWest)).MeAsync();
        var created = await rep.CreateAsync("副本测试 原名");
        await CopyHoldsAsync(created.Id, copy => copy.Name == "副本测试 原名" && copy.OwnerId == created.OwnerId);

        var renamed = await (await rep.PutAsync(created, Body(created, "副本测试 新名", created.OwnerId), ETagOf(created))).ReadAsync<CustomerDto>();
        await CopyHoldsAsync(created.Id, copy => copy.Name == "副本测试 新名");

        var reassigned = await (await director.PutAsync(renamed, Body(renamed, renamed.Name, west.Id), ETagOf(renamed))).ReadAsync<CustomerDto>();
        await CopyHoldsAsync(created.Id, copy => copy.OwnerId == west.Id && copy.TeamId == west.TeamId);

        (await director.ArchiveAsync(reassigned.Id, ETagOf(reassigned))).EnsureSuccessStatusCode();
        await CopyHoldsAsync(created.Id, copy => copy.Archived);
    }

    [Fact]
    public async Task Events_in_any_order_leave_the_newest_facts_and_any_event_introduces_a_customer()
    {
        var customerId = Guid.CreateVersion7();
        var (owner, team, createdAt) = (Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
        var renamed = new CustomerRenamed(Guid.CreateVersion7(), createdAt.AddSeconds(1), customerId, "乱序测试 新名", owner, team);
        var created = new CustomerCreated(Guid.CreateVersion7(), createdAt, customerId, "乱序测试 原名", owner, team);

        await DeliverAsync(renamed);
        await DeliverAsync(created);
        await DeliverAsync(renamed);

        (await CopyAsync(customerId)).Should().Be(new Copy("乱序测试 新名", owner, team, Archived: false), "the late creation is older than the rename");
    }

    private async Task DeliverAsync(IntegrationEvent integrationEvent)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await IntegrationEventDelivery.DeliverAsync(scope.ServiceProvider, integrationEvent, CancellationToken.None);
    }

    private static object Body(CustomerDto customer, string name, Guid ownerId) =>
        new { name, kind = customer.Kind, stage = customer.Stage, ownerId };

    private Task CopyHoldsAsync(Guid customerId, Func<Copy, bool> condition) =>
        Eventually.HoldsAsync(
            async () => await CopyAsync(customerId) is { } copy && condition(copy),
            "the outbox should have delivered the customer's events to Deals by now");

    private async Task<Copy?> CopyAsync(Guid customerId)
    {
        var row = await Sql.ScalarAsync<string?>(
            app.ConnectionString,
            "SELECT concat_ws('|', name, owner_id, coalesce(team_id::text, ''), archived_at IS NOT NULL) FROM deals.customer_copies WHERE customer_id = @id",
            ("id", customerId));
        if (row is null)
        {
            return null;
        }

        var parts = row.Split('|');
        return new Copy(parts[0], Guid.Parse(parts[1]), Guid.TryParse(parts[2], out var team) ? team : null, parts[3] == "t");
    }

    private sealed record Copy(string Name, Guid OwnerId, Guid? TeamId, bool Archived);
}
