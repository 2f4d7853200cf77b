using System.Security.Claims;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>How other modules learn about customers: the events and their first consumer, and the directory query.</summary>
public sealed class CustomerEventsTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Deals_keeps_its_copy_of_a_customer_current_through_create_rename_reassign_and_archive()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var director = await app.LoginAsync(DemoUsers.Director);
        var west = await (await (await app.LoginAsync(DemoUsers.RepWest)).GetAsync("/api/v1/me")).ReadAsync<Me>();
        var created = await rep.CreateAsync("副本测试 原名");
        await Eventually(created.Id, copy => copy.Name == "副本测试 原名" && copy.OwnerId == created.OwnerId);

        var renamed = await (await rep.PutAsync(created, Body(created, "副本测试 新名", created.OwnerId), ETagOf(created))).ReadAsync<CustomerDto>();
        await Eventually(created.Id, copy => copy.Name == "副本测试 新名");

        var reassigned = await (await director.PutAsync(renamed, Body(renamed, renamed.Name, west.Id), ETagOf(renamed))).ReadAsync<CustomerDto>();
        await Eventually(created.Id, copy => copy.OwnerId == west.Id && copy.TeamId == west.TeamId);

        (await director.ArchiveAsync(reassigned.Id, ETagOf(reassigned))).EnsureSuccessStatusCode();
        await Eventually(created.Id, copy => copy.Archived);
    }

    [Fact]
    public async Task The_directory_answers_only_the_customers_the_caller_may_see()
    {
        var east = await app.LoginAsync(DemoUsers.RepEast);
        var eastMe = await (await east.GetAsync("/api/v1/me")).ReadAsync<Me>();
        var mine = await east.CreateAsync("目录测试 东");
        var theirs = await (await app.LoginAsync(DemoUsers.RepWest)).CreateAsync("目录测试 西");

        await using var scope = app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = SignedIn(eastMe, Roles.Rep);
        var found = await scope.ServiceProvider.GetRequiredService<ICustomerDirectory>()
            .FindVisibleAsync([mine.Id, theirs.Id, Guid.NewGuid()], CancellationToken.None);

        found.Should().ContainSingle().Which.Value.Should().Be(new CustomerCard(mine.Id, "目录测试 东", eastMe.Id, eastMe.TeamId));
    }

    private static object Body(CustomerDto customer, string name, Guid ownerId) =>
        new { name, kind = customer.Kind, stage = customer.Stage, ownerId };

    private static DefaultHttpContext SignedIn(Me me, string role)
    {
        Claim[] claims = [new(ClaimTypes.NameIdentifier, me.Id.ToString()), new(CrmClaims.TeamId, me.TeamId.ToString()!), new(ClaimTypes.Role, role)];
        return new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")) };
    }

    private async Task Eventually(Guid customerId, Func<Copy, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await CopyAsync(customerId) is not { } copy || !condition(copy))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the outbox should have delivered the customer's events to Deals by now");
            await Task.Delay(50);
        }
    }

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

    private sealed record Me(Guid Id, Guid? TeamId);
}
