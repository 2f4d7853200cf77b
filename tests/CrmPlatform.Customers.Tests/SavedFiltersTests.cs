using System.Net;
using CrmPlatform.Customers.Features;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>Saved list filters: each user's own, by name, holding only the list's filters.</summary>
public sealed class SavedFiltersTests(CrmApp app) : IClassFixture<CrmApp>
{
    private const string FiltersUrl = $"{Url}/saved-filters";

    [Fact]
    public async Task A_user_saves_replaces_lists_and_deletes_their_filters_and_nobody_else_sees_them()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var colleague = await app.LoginAsync(DemoUsers.ManagerEast);

        var saved = await (await rep.PostJsonAsync(FiltersUrl, new { name = " 重要意向客户 ", query = "stage=intent&importance=key" })).ReadAsync<SavedFilterDto>();
        saved.Name.Should().Be("重要意向客户");
        await (await rep.PostJsonAsync(FiltersUrl, new { name = "逾期未拜访", query = "overdue=visit&sort=name" })).ReadAsync<SavedFilterDto>();
        var replaced = await (await rep.PostJsonAsync(FiltersUrl, new { name = "重要意向客户", query = "stage=intent&importance=key&tag=VIP" })).ReadAsync<SavedFilterDto>();

        replaced.Id.Should().Be(saved.Id);
        var mine = await (await rep.GetAsync(FiltersUrl)).ReadAsync<List<SavedFilterDto>>();
        mine.Select(f => (f.Name, f.Query)).Should().Equal(("逾期未拜访", "overdue=visit&sort=name"), ("重要意向客户", "stage=intent&importance=key&tag=VIP"));
        (await (await colleague.GetAsync(FiltersUrl)).ReadAsync<List<SavedFilterDto>>()).Should().BeEmpty();
        await (await colleague.DeleteAsync($"{FiltersUrl}/{saved.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await rep.DeleteAsync($"{FiltersUrl}/{saved.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await rep.GetAsync(FiltersUrl)).ReadAsync<List<SavedFilterDto>>()).Select(f => f.Name).Should().Equal("逾期未拜访");
    }

    [Theory]
    [InlineData("""{"name":"","query":"stage=intent"}""", "name")]
    [InlineData("""{"name":"翻页","query":"stage=intent&cursor=abc"}""", "query")]
    [InlineData("""{"name":"条数","query":"limit=10"}""", "query")]
    [InlineData("""{"name":"没有查询"}""", "query")]
    [InlineData("""{"name":"空查询","query":""}""", "query")]
    [InlineData("""{"name":"错阶段","query":"stage=bogus"}""", "query")]
    [InlineData("""{"name":"错层次","query":"relationshipLevel=9"}""", "query")]
    [InlineData("""{"name":"错负责人","query":"ownerId=abc"}""", "query")]
    [InlineData("""{"name":"重复参数","query":"stage=intent&stage=loyal"}""", "query")]
    [InlineData("""{"name":"问号","query":"?stage=intent"}""", "query")]
    public async Task A_filter_that_cannot_be_kept_is_400_naming_the_field(string body, string field)
    {
        var rep = await app.LoginAsync(DemoUsers.RepWest);
        await (await rep.PostAsync(FiltersUrl, new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).ShouldHaveFieldErrorAsync(field);
    }

    [Fact]
    public async Task A_user_keeps_fifty_filters_at_most()
    {
        var rep = await app.LoginAsync(DemoUsers.Director);
        for (var i = 0; i < 50; i++)
        {
            (await rep.PostJsonAsync(FiltersUrl, new { name = $"筛选 {i:00}", query = $"relationshipLevel={(i % 4) + 1}" })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await (await rep.PostJsonAsync(FiltersUrl, new { name = "第五十一个", query = "stage=loyal" })).ShouldHaveFieldErrorAsync("name", HttpStatusCode.UnprocessableEntity);
        (await rep.PostJsonAsync(FiltersUrl, new { name = "筛选 07", query = "stage=loyal" })).StatusCode.Should().Be(HttpStatusCode.OK, "replacing one is not one more");
    }
}
