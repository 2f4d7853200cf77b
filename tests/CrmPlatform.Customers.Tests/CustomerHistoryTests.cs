using System.Net;
using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Features;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>Every write to a customer is in its history, with who, when and each field's old and new value.</summary>
public sealed class CustomerHistoryTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Create_and_updates_are_recorded_newest_first_with_who_and_each_fields_old_and_new_value()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var me = await rep.MeAsync();
        var created = await rep.CreateAsync("历史 张三");
        var renamed = await (await rep.PutAsync(created, new { name = "历史 张三丰", kind = "company", company = "历史 张三 有限公司", region = "上海", industry = "零售", stage = "intent" }, $"\"{created.Version}\""))
            .ReadAsync<CustomerDto>();

        var history = await HistoryAsync(rep, created.Id);

        history.Items.Select(e => e.Action).Should().Equal(AuditAction.Updated, AuditAction.Created);
        history.Items.Should().OnlyContain(e => e.ChangedBy == me.Id && e.ChangedByName == me.DisplayName);
        history.Items[0].Changes.Should().BeEquivalentTo(
        [
            new FieldChange("name", "历史 张三", "历史 张三丰"),
            new FieldChange("stage", "prospect", "intent"),
        ]);
        history.Items[1].Changes.Should().ContainEquivalentOf(new FieldChange("name", null, "历史 张三"))
            .And.ContainEquivalentOf(new FieldChange("kind", null, "company"))
            .And.ContainEquivalentOf(new FieldChange("ownerId", null, me.Id.ToString()))
            .And.NotContain(c => c.Field == "version" || c.Field == "updatedAt" || c.Field == "id");
        renamed.Name.Should().Be("历史 张三丰");
    }

    [Fact]
    public async Task A_save_that_changes_nothing_adds_no_entry()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var created = await rep.CreateAsync("历史 不变");

        (await rep.PutAsync(created, NewCustomer("历史 不变"), $"\"{created.Version}\"")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await HistoryAsync(rep, created.Id)).Items.Should().ContainSingle().Which.Action.Should().Be(AuditAction.Created);
    }

    [Fact]
    public async Task History_has_the_customers_record_scope_and_pages_by_cursor()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var created = await rep.CreateAsync("历史 范围");
        await rep.PutAsync(created, NewCustomer("历史 范围 改"), $"\"{created.Version}\"");

        var otherTeam = await app.LoginAsync(DemoUsers.RepWest);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        await (await otherTeam.GetAsync($"{Url}/{created.Id}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"{Url}/{Guid.NewGuid()}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var first = await HistoryAsync(manager, created.Id, "?limit=1");
        var second = await HistoryAsync(manager, created.Id, $"?limit=1&cursor={first.NextCursor}");
        first.Items.Single().Action.Should().Be(AuditAction.Updated);
        second.Items.Single().Action.Should().Be(AuditAction.Created);
        second.NextCursor.Should().BeNull();
    }

    private static async Task<Page<AuditEntryDto>> HistoryAsync(HttpClient client, Guid id, string query = "") =>
        await (await client.GetAsync($"{Url}/{id}/history{query}")).ReadAsync<Page<AuditEntryDto>>();
}
