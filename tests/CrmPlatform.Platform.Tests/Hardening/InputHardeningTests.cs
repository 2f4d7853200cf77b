using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CrmPlatform.Customers.Features;

namespace CrmPlatform.Platform.Tests.Hardening;

/// <summary>Text the database cannot store, and bodies the schema does not allow, are 400s naming the field.</summary>
public sealed class InputHardeningTests(CrmApp app) : IClassFixture<CrmApp>
{
    private const string Nul = "a\u0000b";

    [Theory]
    [InlineData(@"a\u0000b")]
    [InlineData(@"a\u0007b")]
    [InlineData(@"a\ud800b")]
    public async Task Unstorable_text_in_the_login_name_is_400_naming_it(string escapedUserName)
    {
        var body = $$"""{"userName":"{{escapedUserName}}","password":"x"}""";

        var response = await app.Anonymous().PostAsync("/api/v1/auth/login", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync("userName");
    }

    [Theory]
    [InlineData("name")]
    [InlineData("company")]
    [InlineData("position")]
    [InlineData("region")]
    [InlineData("industry")]
    public async Task A_nul_in_any_customer_text_is_400_naming_the_field_on_create_and_update(string field)
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await (await rep.PostJsonAsync("/api/v1/customers", new { name = "无控制字符 " + field, kind = "company" })).ReadAsync<CustomerDto>(HttpStatusCode.Created);
        var body = new Dictionary<string, object?> { ["name"] = "客户", ["kind"] = "company", [field] = Nul };

        var created = await rep.PostJsonAsync("/api/v1/customers", body);
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/customers/{customer.Id}") { Content = JsonContent.Create(body) };
        update.Headers.IfMatch.ParseAdd($"\"{customer.Version}\"");
        var updated = await rep.SendAsync(update);

        await created.ShouldHaveFieldErrorAsync(field);
        await updated.ShouldHaveFieldErrorAsync(field);
    }

    [Fact]
    public async Task Tabs_line_breaks_emoji_and_any_script_are_stored_as_sent()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        const string name = "客户\t😀 مرحبا\r\nשלום";

        var created = await rep.PostJsonAsync("/api/v1/customers", new { name, kind = "person" });

        (await created.ReadAsync<CustomerDto>(HttpStatusCode.Created)).Name.Should().Be(name);
    }

    [Fact]
    public async Task A_nul_in_an_api_token_name_is_400_naming_it()
    {
        using var browser = await app.CookieSessionAsync(DemoUsers.RepEast);

        var response = await browser.PostJsonAsync("/api/v1/me/tokens", new { name = Nul, scope = "read" });

        await response.ShouldHaveFieldErrorAsync("name");
    }

    [Theory]
    [InlineData("/api/v1/customers?q=a%00b", "q")]
    [InlineData("/api/v1/users?q=a%00b", "q")]
    [InlineData("/api/v1/customers?limit=5%00", "limit")]
    [InlineData("/api/v1/customers?stage=loyal%01", "stage")]
    public async Task Unstorable_query_values_are_400_naming_the_parameter(string url, string parameter)
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        await (await rep.GetAsync(url)).ShouldHaveFieldErrorAsync(parameter);
    }

    [Fact]
    public async Task A_crafted_name_cursor_holding_a_nul_is_400_naming_the_cursor()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"s":"name","k":"a\u0000","i":"{{Guid.NewGuid()}}"}"""));

        await (await rep.GetAsync($"/api/v1/customers?sort=name&cursor={cursor}")).ShouldHaveFieldErrorAsync("cursor");
    }

    [Theory]
    [InlineData("""{"name":"x","kind":"company","nickname":"y"}""", "nickname")]
    [InlineData("""{"name":"x"}""", "kind")]
    [InlineData("""{"kind":"company"}""", "name")]
    [InlineData("""{"name":"x","kind":0}""", "kind")]
    [InlineData("""{"name":"x","kind":"1"}""", "kind")]
    [InlineData("""{"name":"x","kind":"company","stage":2}""", "stage")]
    public async Task Bodies_the_schema_does_not_allow_are_400_naming_the_member(string body, string field)
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var response = await rep.PostAsync("/api/v1/customers", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync(field);
    }

    [Fact]
    public async Task A_wrong_enum_value_lists_the_allowed_ones()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var response = await rep.PostAsync("/api/v1/customers", new StringContent("""{"name":"x","kind":"robot"}""", Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("kind")[0].GetString().Should().Contain("person").And.Contain("company");
    }

    [Fact]
    public async Task An_omitted_stage_is_a_prospect_as_the_contract_says()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var created = await rep.PostJsonAsync("/api/v1/customers", new { name = "未写阶段", kind = "person" });

        (await created.ReadAsync<CustomerDto>(HttpStatusCode.Created)).Stage.Should().Be(CrmPlatform.Customers.Domain.CustomerStage.Prospect);
    }

    [Fact]
    public async Task The_document_requires_exactly_the_members_the_api_requires_and_a_token_only_where_one_is_needed()
    {
        var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;

        var required = document.GetProperty("components").GetProperty("schemas").GetProperty("CustomerInput").GetProperty("required");
        required.EnumerateArray().Select(r => r.GetString()).Should().BeEquivalentTo("name", "kind");
        document.TryGetProperty("security", out _).Should().BeFalse("security is stated per operation");
        var paths = document.GetProperty("paths");
        paths.GetProperty("/api/v1/auth/login").GetProperty("post").TryGetProperty("security", out _).Should().BeFalse();
        paths.GetProperty("/api/v1/auth/refresh").GetProperty("post").TryGetProperty("security", out _).Should().BeFalse();
        paths.GetProperty("/api/v1/customers").GetProperty("get").GetProperty("security")[0].TryGetProperty("bearer", out _).Should().BeTrue();
    }
}
