using System.Security.Claims;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Identity.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>What other modules may ask the Customers module (ICustomerDirectory): only what the caller may see.</summary>
public sealed class CustomerDirectoryTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task The_directory_answers_only_the_customers_the_caller_may_see()
    {
        var east = await app.LoginAsync(DemoUsers.RepEast);
        var eastMe = await east.MeAsync();
        var mine = await east.CreateAsync("目录测试 东");
        var theirs = await (await app.LoginAsync(DemoUsers.RepWest)).CreateAsync("目录测试 西");

        await using var scope = app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = SignedIn(eastMe, Roles.Rep);
        var found = await scope.ServiceProvider.GetRequiredService<ICustomerDirectory>()
            .FindVisibleAsync([mine.Id, theirs.Id, Guid.NewGuid()], CancellationToken.None);

        found.Should().ContainSingle().Which.Value.Should().Be(new CustomerCard(mine.Id, "目录测试 东", eastMe.Id, eastMe.TeamId, Key: false));
    }

    [Fact]
    public async Task A_persons_customers_are_listed_by_name_up_to_the_limit()
    {
        var east = await app.LoginAsync(DemoUsers.RepEast);
        var eastMe = await east.MeAsync();
        var mine = await east.CreateAsync("目录测试 自有");
        var theirs = await (await app.LoginAsync(DemoUsers.RepWest)).CreateAsync("目录测试 他人");

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<ICustomerDirectory>();
        var owned = await directory.OwnedByAsync(eastMe.Id, 100, CancellationToken.None);

        owned.Should().Contain(new CustomerCard(mine.Id, "目录测试 自有", eastMe.Id, eastMe.TeamId, Key: false)).And.NotContain(c => c.Id == theirs.Id)
            .And.OnlyContain(c => c.OwnerId == eastMe.Id);
        owned.Select(c => c.Name).Should().BeInAscendingOrder(StringComparer.Ordinal);
        (await directory.OwnedByAsync(eastMe.Id, 2, CancellationToken.None)).Select(c => c.Id).Should().Equal(owned.Take(2).Select(c => c.Id));
    }

    private static DefaultHttpContext SignedIn(MeDto me, string role)
    {
        Claim[] claims = [new(ClaimTypes.NameIdentifier, me.Id.ToString()), new(CrmClaims.TeamId, me.TeamId.ToString()!), new(ClaimTypes.Role, role)];
        return new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")) };
    }
}
