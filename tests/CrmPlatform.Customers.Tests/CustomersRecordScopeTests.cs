using System.Net;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Features;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>Broken object-level authorization checks: another team's record does not exist for you.</summary>
public sealed class CustomersRecordScopeTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task A_rep_of_another_team_cannot_get_update_archive_or_list_the_customer()
    {
        var east = await app.LoginAsync(DemoUsers.RepEast);
        var west = await app.LoginAsync(DemoUsers.RepWest);
        var customer = await east.CreateAsync("越权测试 东区客户");

        await (await west.GetAsync($"{Url}/{customer.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await west.PutAsync(customer, new { name = "hijacked", kind = "person" }, ETagOf(customer))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await west.ArchiveAsync(customer.Id, ETagOf(customer))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await ListAsync(west, "越权测试")).Should().BeEmpty();
        (await ListAsync(west, null, $"ownerId={customer.OwnerId}")).Should().BeEmpty();

        var unchanged = await (await east.GetAsync($"{Url}/{customer.Id}")).ReadAsync<CustomerDto>();
        unchanged.Should().BeEquivalentTo(customer);
    }

    [Fact]
    public async Task A_rep_does_not_see_a_teammates_customers_but_their_manager_does()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var managersOwn = await manager.CreateAsync("范围测试 经理自己的客户");
        var repsOwn = await rep.CreateAsync("范围测试 业务员的客户");

        (await ListAsync(rep, "范围测试")).Should().Equal(repsOwn.Id);
        await (await rep.GetAsync($"{Url}/{managersOwn.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await ListAsync(manager, "范围测试")).Should().BeEquivalentTo([managersOwn.Id, repsOwn.Id]);
        (await manager.GetAsync($"{Url}/{repsOwn.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_manager_of_another_team_sees_nothing_while_the_director_and_service_see_all()
    {
        var east = await app.LoginAsync(DemoUsers.RepEast);
        var west = await app.LoginAsync(DemoUsers.RepWest);
        var eastCustomer = await east.CreateAsync("全局测试 东");
        var westCustomer = await west.CreateAsync("全局测试 西");

        (await ListAsync(await app.LoginAsync(DemoUsers.ManagerWest), "全局测试")).Should().Equal(westCustomer.Id);
        (await ListAsync(await app.LoginAsync(DemoUsers.Director), "全局测试")).Should().BeEquivalentTo([eastCustomer.Id, westCustomer.Id]);
        (await ListAsync(await app.LoginAsync(DemoUsers.Service), "全局测试")).Should().BeEquivalentTo([eastCustomer.Id, westCustomer.Id]);
    }

    [Fact]
    public async Task The_seeded_demo_book_is_split_by_team()
    {
        var westRep = await ListAsync(await app.LoginAsync(DemoUsers.RepWest), null);
        var director = await ListAsync(await app.LoginAsync(DemoUsers.Director), null);

        westRep.Should().NotBeEmpty();
        director.Should().Contain(westRep).And.HaveCountGreaterThan(westRep.Count);
    }

    private static async Task<List<Guid>> ListAsync(HttpClient client, string? search, string? extra = null)
    {
        var query = string.Join('&', new[] { search is null ? null : $"q={search}", extra, "limit=200" }.Where(p => p is not null));
        var page = await (await client.GetAsync($"{Url}?{query}")).ReadAsync<Page<CustomerSummaryDto>>();
        return page.Items.Select(c => c.Id).ToList();
    }
}
