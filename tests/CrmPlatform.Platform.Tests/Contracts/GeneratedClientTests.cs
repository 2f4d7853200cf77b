using System.Net.Http.Headers;
using CrmPlatform.Client;

namespace CrmPlatform.Platform.Tests.Contracts;

/// <summary>The NSwag-generated C# client, built from the committed contract, against the real API.</summary>
public sealed class GeneratedClientTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task An_integrator_logs_in_creates_reads_lists_and_updates_a_customer_with_the_generated_client()
    {
        using var http = app.Anonymous();
        var token = await new AuthClient(http).LoginAsync(new LoginRequest { UserName = DemoUsers.RepEast, Password = DemoUsers.Password });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var customers = new CustomersClient(http);

        var created = await customers.CreateAsync(new CustomerInput { Name = "客户端测试 青岛啤酒经销", Kind = CustomerKind.Company, Stage = CustomerStage.Intent, Tags = ["经销商"] });
        var fetched = await customers.GetAsync(created.Id);
        var page = await customers.ListAsync(q: "客户端测试", stage: CustomerStage.Intent, sort: CustomerSort.Name, limit: 10);
        var updated = await customers.UpdateAsync(created.Id, new CustomerInput { Name = "客户端测试 青岛啤酒总经销", Kind = CustomerKind.Company, Stage = CustomerStage.Customer }, $"\"{created.Version}\"");

        fetched.Name.Should().Be("客户端测试 青岛啤酒经销");
        fetched.OwnerName.Should().NotBeNullOrEmpty();
        // Optional enums are nullable in the contract: the client sends none for "none" and reads null back.
        (fetched.Source, fetched.Gender, fetched.IncomeBand, fetched.Value!.Tier).Should().Be((null, null, null, null));
        page.Items.Select(c => c.Id).Should().Equal(created.Id);
        updated.Stage.Should().Be(CustomerStage.Customer);
        updated.Version.Should().NotBe(created.Version);
    }

    [Fact]
    public async Task Problem_responses_surface_as_typed_exceptions_with_the_status_code()
    {
        using var http = await app.LoginAsync(DemoUsers.RepWest);
        var customers = new CustomersClient(http);

        var missing = async () => await customers.GetAsync(Guid.NewGuid());

        (await missing.Should().ThrowAsync<CrmApiException>()).Which.StatusCode.Should().Be(404);
    }
}
