using System.Net;
using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>The people at a customer: added, edited with If-Match, removed, audited, and never seen across teams.</summary>
public sealed class ContactsTests(CrmApp app) : IClassFixture<CrmApp>
{
    private static readonly object Boss = new { name = "王建华", role = "decisionMaker", phone = "138 0013 8000", likes = "钓鱼、普洱茶", notes = "不喜欢被催单", birthday = "1972-03-18" };

    [Fact]
    public async Task A_contact_is_added_listed_edited_with_its_etag_and_removed_and_every_step_is_in_the_audit_log()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.CreateAsync("联系人 华联超市");

        var added = await rep.PostJsonAsync($"{Url}/{customer.Id}/contacts", Boss);
        var boss = await added.ReadAsync<ContactDto>(HttpStatusCode.Created);
        added.Headers.ETag!.Tag.Should().Be($"\"{boss.Version}\"");
        boss.Should().BeEquivalentTo(new { Name = "王建华", Role = ContactRole.DecisionMaker, Likes = "钓鱼、普洱茶", Birthday = (DateOnly?)new DateOnly(1972, 3, 18) });

        var edited = await (await rep.SendContactAsync(HttpMethod.Put, customer.Id, boss, new { name = "王建华", role = "decisionMaker", phone = "138 0013 8001" }, $"\"{boss.Version}\""))
            .ReadAsync<ContactDto>();
        edited.Phone.Should().Be("138 0013 8001");
        edited.Likes.Should().BeNull("PUT replaces every field");
        await (await rep.SendContactAsync(HttpMethod.Put, customer.Id, boss, Boss, $"\"{boss.Version}\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await rep.SendContactAsync(HttpMethod.Delete, customer.Id, boss, null, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        (await (await rep.GetAsync($"{Url}/{customer.Id}/contacts")).ReadAsync<List<ContactDto>>()).Should().ContainSingle().Which.Phone.Should().Be("138 0013 8001");
        (await rep.SendContactAsync(HttpMethod.Delete, customer.Id, boss, null, $"\"{edited.Version}\"")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await rep.GetAsync($"{Url}/{customer.Id}/contacts")).ReadAsync<List<ContactDto>>()).Should().BeEmpty();

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmPlatform.Customers.Persistence.CustomersDbContext>();
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "contact" && e.EntityId == boss.Id).OrderBy(e => e.Id).ToListAsync();
        audit.Select(e => e.Action).Should().Equal(AuditAction.Created, AuditAction.Updated, AuditAction.Deleted);
        audit[1].Changes.Should().ContainEquivalentOf(new FieldChange("phone", "138 0013 8000", "138 0013 8001"));
    }

    [Theory]
    [InlineData("""{"role":"purchasing"}""", "name")]
    [InlineData("""{"name":"李四"}""", "role")]
    [InlineData("""{"name":"李四","role":"cashier"}""", "role")]
    [InlineData("""{"name":"李四","role":"other","phone":"call me"}""", "phone")]
    public async Task A_contact_that_cannot_be_right_is_400_naming_the_field(string body, string field)
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.CreateAsync("联系人 校验 " + field, confirmDuplicate: true); // several rows check one field

        var response = await rep.PostAsync($"{Url}/{customer.Id}/contacts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync(field);
    }

    [Fact]
    public async Task Another_teams_rep_can_neither_see_nor_change_a_customers_contacts()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.CreateAsync("联系人 越权");
        var boss = await (await rep.PostJsonAsync($"{Url}/{customer.Id}/contacts", Boss)).ReadAsync<ContactDto>(HttpStatusCode.Created);
        var otherTeam = await app.LoginAsync(DemoUsers.RepWest);
        var otherCustomer = await otherTeam.CreateAsync("联系人 别队");

        await (await otherTeam.GetAsync($"{Url}/{customer.Id}/contacts")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await otherTeam.PostJsonAsync($"{Url}/{customer.Id}/contacts", Boss)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await otherTeam.SendContactAsync(HttpMethod.Put, customer.Id, boss, Boss, $"\"{boss.Version}\"")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await otherTeam.SendContactAsync(HttpMethod.Delete, customer.Id, boss, null, $"\"{boss.Version}\"")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // Nor through a customer of their own: a contact belongs to one customer.
        await (await otherTeam.SendContactAsync(HttpMethod.Put, otherCustomer.Id, boss, Boss, $"\"{boss.Version}\"")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await rep.GetAsync($"{Url}/{customer.Id}/contacts")).ReadAsync<List<ContactDto>>()).Should().ContainSingle().Which.Name.Should().Be("王建华");
    }
}
