using System.Net;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Identity.Features;

namespace CrmPlatform.Platform.Tests.Identity;

public sealed class UserDirectoryTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task A_rep_sees_only_themself_and_a_manager_only_their_team()
    {
        var rep = await ListAsync(DemoUsers.RepEast);
        var manager = await ListAsync(DemoUsers.ManagerEast);

        rep.Items.Select(u => u.UserName).Should().Equal(DemoUsers.RepEast);
        manager.Items.Select(u => u.UserName).Should().BeEquivalentTo(DemoUsers.ManagerEast, DemoUsers.RepEast);
        manager.Items.Should().OnlyContain(u => u.TeamName == "East");
    }

    [Fact]
    public async Task A_director_pages_through_everyone_by_display_name_and_can_search()
    {
        var director = await app.LoginAsync(DemoUsers.Director);

        var first = await (await director.GetAsync("/api/v1/users?limit=4")).ReadAsync<Page<UserDto>>();
        var rest = await (await director.GetAsync($"/api/v1/users?limit=4&cursor={first.NextCursor}")).ReadAsync<Page<UserDto>>();
        var found = await (await director.GetAsync("/api/v1/users?q=WEST")).ReadAsync<Page<UserDto>>();

        var everyone = first.Items.Concat(rest.Items).ToList();
        everyone.Select(u => u.UserName).Should().BeEquivalentTo(
            DemoUsers.Director, DemoUsers.ManagerEast, DemoUsers.RepEast, DemoUsers.ManagerWest, DemoUsers.RepWest, DemoUsers.Service, DemoUsers.Admin);
        everyone.Select(u => u.DisplayName).Should().BeInAscendingOrder(StringComparer.Ordinal);
        first.NextCursor.Should().NotBeNull();
        rest.NextCursor.Should().BeNull();
        found.Items.Select(u => u.UserName).Should().BeEquivalentTo(DemoUsers.ManagerWest, DemoUsers.RepWest);
    }

    [Fact]
    public async Task Unknown_parameters_bad_limits_and_anonymous_callers_are_refused()
    {
        var director = await app.LoginAsync(DemoUsers.Director);

        await (await director.GetAsync("/api/v1/users?team=East")).ShouldHaveFieldErrorAsync("team");
        await (await director.GetAsync("/api/v1/users?limit=0")).ShouldHaveFieldErrorAsync("limit");
        await (await director.GetAsync("/api/v1/users?cursor=nonsense")).ShouldHaveFieldErrorAsync("cursor");
        (await app.Anonymous().GetAsync("/api/v1/users")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<Page<UserDto>> ListAsync(string userName) =>
        await (await (await app.LoginAsync(userName)).GetAsync("/api/v1/users")).ReadAsync<Page<UserDto>>();
}
