using System.Net;
using System.Net.Http.Json;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using CrmPlatform.Identity.Features;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

public sealed class CustomersCrudTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Create_answers_201_with_location_and_etag_and_the_caller_owns_the_customer()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var me = await rep.MeAsync();

        var response = await rep.PostJsonAsync(Url, NewCustomer("杭州西湖茶庄", CustomerStage.Intent, phone: "+86 571 8888 0000"));

        var created = await response.ReadAsync<CustomerDto>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().Should().Be($"/api/v1/customers/{created.Id}");
        response.Headers.ETag!.Tag.Should().Be($"\"{created.Version}\"");
        created.Should().BeEquivalentTo(new { Name = "杭州西湖茶庄", Stage = CustomerStage.Intent, Kind = CustomerKind.Company, Phone = "+86 571 8888 0000", OwnerId = me.Id, me.TeamId, OwnerName = me.DisplayName });
    }

    [Fact]
    public async Task Rows_name_their_owners_whoever_owns_them()
    {
        var west = await app.LoginAsync(DemoUsers.RepWest);
        var westMe = await west.MeAsync();
        var created = await west.CreateAsync("负责人名称测试 西");
        var director = await app.LoginAsync(DemoUsers.Director);

        var page = await (await director.GetAsync($"{Url}?q={Uri.EscapeDataString("负责人名称测试")}")).ReadAsync<Page<CustomerSummaryDto>>();
        var fetched = await (await director.GetAsync($"{Url}/{created.Id}")).ReadAsync<CustomerDto>();

        page.Items.Should().ContainSingle().Which.OwnerName.Should().Be(westMe.DisplayName);
        fetched.OwnerName.Should().Be(westMe.DisplayName);
    }

    [Fact]
    public async Task Get_returns_the_customer_with_its_etag()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var created = await rep.CreateAsync("宁波海鲜酒楼");

        var response = await rep.GetAsync($"{Url}/{created.Id}");

        (await response.ReadAsync<CustomerDto>()).Should().BeEquivalentTo(created);
        response.Headers.ETag!.Tag.Should().Be(ETagOf(created));
    }

    [Fact]
    public async Task Get_of_an_unknown_id_is_a_404_problem()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var problem = await (await rep.GetAsync($"{Url}/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("code").GetString().Should().Be("customer.not_found");
    }

    [Fact]
    public async Task Update_with_the_current_etag_replaces_the_fields_and_changes_the_etag()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var created = await rep.CreateAsync("温州鞋业");

        var response = await rep.PutAsync(created, new { name = "温州鞋业集团", kind = "company", stage = "customer", email = "sales@wzxy.example" }, ETagOf(created));

        var updated = await response.ReadAsync<CustomerDto>();
        updated.Should().BeEquivalentTo(new { Name = "温州鞋业集团", Stage = CustomerStage.Customer, Email = "sales@wzxy.example", Company = (string?)null });
        updated.Version.Should().NotBe(created.Version);
        response.Headers.ETag!.Tag.Should().Be(ETagOf(updated));
    }

    [Fact]
    public async Task Update_without_if_match_is_428_and_changes_nothing()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var created = await rep.CreateAsync("无锡纺织");

        await (await rep.PutAsync(created, new { name = "changed", kind = "person" }, ifMatch: null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        (await (await rep.GetAsync($"{Url}/{created.Id}")).ReadAsync<CustomerDto>()).Name.Should().Be("无锡纺织");
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_412_and_keeps_the_other_writers_change()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var created = await rep.CreateAsync("常州电机");
        (await rep.PutAsync(created, new { name = "常州电机厂", kind = "company" }, ETagOf(created))).StatusCode.Should().Be(HttpStatusCode.OK);

        var stale = await rep.PutAsync(created, new { name = "lost update", kind = "company" }, ETagOf(created));

        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await (await rep.GetAsync($"{Url}/{created.Id}")).ReadAsync<CustomerDto>()).Name.Should().Be("常州电机厂");
    }

    [Fact]
    public async Task Concurrent_updates_with_the_same_etag_let_exactly_one_win()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var created = await rep.CreateAsync("嘉兴粽子");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            rep.PutAsync(created, new { name = $"嘉兴粽子 {i}", kind = "company" }, ETagOf(created))));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed).Should().Be(3);
    }

    [Fact]
    public async Task Archive_requires_if_match_then_hides_the_customer_from_get_and_list()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var created = await rep.CreateAsync("绍兴黄酒坊");

        await (await rep.ArchiveAsync(created.Id, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await rep.ArchiveAsync(created.Id, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await rep.ArchiveAsync(created.Id, ETagOf(created))).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await rep.GetAsync($"{Url}/{created.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var page = await (await rep.GetAsync($"{Url}?q=绍兴黄酒坊")).ReadAsync<Page<CustomerSummaryDto>>();
        page.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task List_searches_name_phone_and_company_and_filters_by_stage_and_owner()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var tea = await rep.CreateAsync("搜索测试 龙井", CustomerStage.Loyal, phone: "0571-1111 2222");
        var silk = await rep.CreateAsync("搜索测试 丝绸", CustomerStage.Prospect);

        async Task<IEnumerable<Guid>> Ids(string query) =>
            (await (await rep.GetAsync($"{Url}?{query}")).ReadAsync<Page<CustomerSummaryDto>>()).Items.Select(c => c.Id);

        (await Ids("q=搜索测试")).Should().BeEquivalentTo([tea.Id, silk.Id]);
        (await Ids("q=1111 2222")).Should().Equal(tea.Id);
        (await Ids("q=丝绸 有限公司")).Should().Equal(silk.Id);
        (await Ids("q=搜索测试&stage=loyal")).Should().Equal(tea.Id);
        (await Ids($"q=搜索测试&ownerId={tea.OwnerId}")).Should().HaveCount(2);
        (await Ids($"q=搜索测试&ownerId={Guid.NewGuid()}")).Should().BeEmpty();
        (await Ids("q=100%")).Should().BeEmpty("'%' is matched literally, not as a wildcard");
    }

    [Theory]
    [InlineData("{\"name\":\"\",\"kind\":\"person\"}", "name")]
    [InlineData("{\"name\":\"x\",\"kind\":\"person\",\"email\":\"not-an-email\"}", "email")]
    [InlineData("{\"name\":\"x\",\"kind\":\"person\",\"phone\":\"call me\"}", "phone")]
    [InlineData("{\"name\":\"x\",\"kind\":\"alien\"}", "kind")]
    [InlineData("{\"name\":\"x\",\"kind\":\"person\",\"stage\":42}", "stage")]
    [InlineData("{\"name\":\"x\",\"kind\":\"person\",\"ownerId\":\"nope\"}", "ownerId")]
    public async Task Create_with_an_invalid_field_is_400_naming_that_field(string body, string field)
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var response = await rep.PostAsync(Url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync(field);
    }

    [Fact]
    public async Task Create_with_malformed_json_is_400_not_500()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var response = await rep.PostAsync(Url, new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("colour=red", "colour")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("sort=height", "sort")]
    [InlineData("cursor=garbage", "cursor")]
    [InlineData("stage=vip", "stage")]
    [InlineData("stage=1", "stage")]
    [InlineData("ownerId=not-a-guid", "ownerId")]
    [InlineData("limit=ten", "limit")]
    public async Task List_with_an_unknown_or_invalid_parameter_is_400_naming_it(string query, string field)
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        await (await rep.GetAsync($"{Url}?{query}")).ShouldHaveFieldErrorAsync(field);
    }

    [Fact]
    public async Task A_rep_cannot_give_a_customer_to_someone_else()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var colleague = await (await app.LoginAsync(DemoUsers.ManagerEast)).MeAsync();

        var response = await rep.PostJsonAsync(Url, NewCustomer("转交测试", ownerId: colleague.Id));

        await response.ShouldHaveFieldErrorAsync("ownerId", HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_manager_assigns_within_the_team_but_not_to_another_team()
    {
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var repEast = await (await app.LoginAsync(DemoUsers.RepEast)).MeAsync();
        var repWest = await (await app.LoginAsync(DemoUsers.RepWest)).MeAsync();

        var assigned = await (await manager.PostJsonAsync(Url, NewCustomer("分配测试", ownerId: repEast.Id))).ReadAsync<CustomerDto>(HttpStatusCode.Created);
        var refused = await manager.PostJsonAsync(Url, NewCustomer("跨团队分配", ownerId: repWest.Id));

        assigned.OwnerId.Should().Be(repEast.Id);
        await refused.ShouldHaveFieldErrorAsync("ownerId", HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Without_credentials_the_api_answers_401()
    {
        using var anonymous = app.Anonymous();

        (await anonymous.GetAsync(Url)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync(Url, new { name = "x" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
