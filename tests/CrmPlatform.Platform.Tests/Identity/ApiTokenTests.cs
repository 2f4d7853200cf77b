using System.Net;
using CrmPlatform.Identity.Domain;
using CrmPlatform.Identity.Features;

namespace CrmPlatform.Platform.Tests.Identity;

public sealed class ApiTokenTests(CrmApp app) : IClassFixture<CrmApp>
{
    private static readonly object Customer = new { name = "令牌测试客户", kind = "company" };

    [Fact]
    public async Task A_token_is_shown_once_stored_hashed_and_authenticates_as_its_owner()
    {
        var session = await app.LoginAsync(DemoUsers.RepWest);

        var created = await (await session.PostJsonAsync("/api/v1/me/tokens", new { name = "BI 报表", scope = "read" })).ReadAsync<CreatedApiTokenDto>(HttpStatusCode.Created);
        using var bi = app.WithBearer(created.Secret);

        created.Secret.Should().StartWith("crm_pat_");
        (await (await bi.GetAsync("/api/v1/me")).ReadAsync<MeDto>()).UserName.Should().Be(DemoUsers.RepWest);
        var listed = await (await session.GetAsync("/api/v1/me/tokens")).ReadAsync<List<ApiTokenDto>>();
        listed.Should().ContainSingle(t => t.Id == created.Token.Id).Which.Hint.Should().Be(created.Secret[..12]);
        (await session.GetStringAsync("/api/v1/me/tokens")).Should().NotContain(created.Secret);
    }

    [Fact]
    public async Task A_read_only_token_may_read_but_not_write()
    {
        var session = await app.LoginAsync(DemoUsers.RepWest);
        var token = await (await session.PostJsonAsync("/api/v1/me/tokens", new { name = "只读", scope = "read" })).ReadAsync<CreatedApiTokenDto>(HttpStatusCode.Created);
        using var readOnly = app.WithBearer(token.Secret);

        (await readOnly.GetAsync("/api/v1/customers")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await readOnly.PostJsonAsync("/api/v1/customers", Customer)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_read_write_token_may_write_but_never_manage_tokens()
    {
        var session = await app.LoginAsync(DemoUsers.RepWest);
        var token = await (await session.PostJsonAsync("/api/v1/me/tokens", new { name = "ERP 同步", scope = ApiTokenScope.ReadWrite, expiresInDays = 30 })).ReadAsync<CreatedApiTokenDto>(HttpStatusCode.Created);
        using var integrator = app.WithBearer(token.Secret);

        (await integrator.PostJsonAsync("/api/v1/customers", Customer)).StatusCode.Should().Be(HttpStatusCode.Created);
        await (await integrator.PostJsonAsync("/api/v1/me/tokens", new { name = "more", scope = "readWrite" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        token.Token.ExpiresAt.Should().BeCloseTo(token.Token.CreatedAt.AddDays(30), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_revoked_token_stops_working_and_only_its_owner_can_revoke_it()
    {
        var owner = await app.LoginAsync(DemoUsers.RepWest);
        var other = await app.LoginAsync(DemoUsers.RepEast);
        var token = await (await owner.PostJsonAsync("/api/v1/me/tokens", new { name = "临时", scope = "read" })).ReadAsync<CreatedApiTokenDto>(HttpStatusCode.Created);
        using var client = app.WithBearer(token.Secret);

        await (await other.DeleteAsync($"/api/v1/me/tokens/{token.Token.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await owner.DeleteAsync($"/api/v1/me/tokens/{token.Token.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await client.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("{\"name\":\"\",\"scope\":\"read\"}", "name")]
    [InlineData("{\"name\":\"x\",\"scope\":\"admin\"}", "scope")]
    [InlineData("{\"name\":\"x\",\"scope\":\"read\",\"expiresInDays\":400}", "expiresInDays")]
    public async Task Invalid_token_requests_are_400_naming_the_field(string body, string field)
    {
        var session = await app.LoginAsync(DemoUsers.RepWest);

        var response = await session.PostAsync("/api/v1/me/tokens", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync(field);
    }
}
