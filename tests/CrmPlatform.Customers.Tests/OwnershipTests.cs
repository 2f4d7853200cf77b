using System.Net;
using System.Net.Http.Json;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>Moving customers between reps: who may, one at a time or a whole book, and the ownership history.</summary>
public sealed class OwnershipTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task A_manager_transfers_within_the_team_with_a_reason_and_the_move_is_in_the_history()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var repMe = await rep.MeAsync();
        var managerMe = await manager.MeAsync();
        var customer = await rep.CreateAsync("转移 单个");

        var moved = await (await TransferAsync(manager, customer, new { toOwnerId = managerMe.Id, reason = "张伟休产假" })).ReadAsync<CustomerDto>();

        moved.OwnerId.Should().Be(managerMe.Id);
        moved.OwnerName.Should().Be(managerMe.DisplayName);
        var history = await (await manager.GetAsync($"{Url}/{customer.Id}/ownership")).ReadAsync<List<OwnershipChangeDto>>();
        history.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = OwnershipChangeKind.Transfer, FromOwnerId = repMe.Id, FromOwnerName = repMe.DisplayName, ToOwnerId = managerMe.Id,
            ChangedBy = (Guid?)managerMe.Id, ChangedByName = managerMe.DisplayName, Reason = "张伟休产假",
        });
        (await (await manager.GetAsync($"{Url}/{customer.Id}/history")).ReadAsync<Page<AuditEntryDto>>()).Items[0].Changes
            .Should().ContainEquivalentOf(new { Field = "ownerId", Old = repMe.Id.ToString(), New = managerMe.Id.ToString() });
        await (await rep.GetAsync($"{Url}/{customer.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_rep_may_not_transfer_even_their_own_customer_nor_by_editing_the_owner()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var colleague = await (await app.LoginAsync(DemoUsers.ManagerEast)).MeAsync();
        var customer = await rep.CreateAsync("转移 代表无权");

        (await (await TransferAsync(rep, customer, new { toOwnerId = colleague.Id })).ShouldBeProblemAsync(HttpStatusCode.Forbidden))
            .GetProperty("code").GetString().Should().Be("customer.transfer_forbidden");
        await (await rep.PutAsync(customer, new { name = customer.Name, kind = "company", ownerId = colleague.Id }, ETagOf(customer)))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await rep.GetAsync($"{Url}/{customer.Id}")).ReadAsync<CustomerDto>()).OwnerId.Should().NotBe(colleague.Id);
    }

    [Fact]
    public async Task A_manager_cannot_give_to_another_team_nor_reach_another_teams_customer_and_a_transfer_needs_the_current_version()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var westManager = await app.LoginAsync(DemoUsers.ManagerWest);
        var repWest = await (await app.LoginAsync(DemoUsers.RepWest)).MeAsync();
        var managerMe = await manager.MeAsync();
        var customer = await rep.CreateAsync("转移 越界");

        await (await TransferAsync(manager, customer, new { toOwnerId = repWest.Id })).ShouldHaveFieldErrorAsync("toOwnerId", HttpStatusCode.UnprocessableEntity);
        await (await TransferAsync(westManager, customer, new { toOwnerId = repWest.Id })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await TransferAsync(manager, customer, new { toOwnerId = managerMe.Id }, ifMatch: null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await TransferAsync(manager, customer, new { toOwnerId = managerMe.Id }, ifMatch: $"\"{customer.Version + 1}\""))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await (await manager.GetAsync($"{Url}/{customer.Id}/ownership")).ReadAsync<List<OwnershipChangeDto>>()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_director_hands_a_leaving_reps_whole_book_to_several_reps_shared_out_evenly()
    {
        var director = await app.LoginAsync(DemoUsers.Director);
        var leaving = await app.LoginAsync(DemoUsers.RepWest);
        var leavingMe = await leaving.MeAsync();
        var westManager = await (await app.LoginAsync(DemoUsers.ManagerWest)).MeAsync();
        var repEast = await (await app.LoginAsync(DemoUsers.RepEast)).MeAsync();
        for (var i = 0; i < 5; i++)
        {
            await leaving.CreateAsync($"离职交接 {i}");
        }

        var book = (await (await leaving.GetAsync($"{Url}?limit=200")).ReadAsync<Page<CustomerSummaryDto>>()).Items;
        var result = await (await director.PostJsonAsync($"{Url}/transfers", new { fromOwnerId = leavingMe.Id, toOwnerIds = new[] { westManager.Id, repEast.Id }, reason = "刘洋离职" }))
            .ReadAsync<BulkTransferResultDto>();

        result.Moved.Should().Be(book.Count);
        result.Shares.Select(s => s.Customers).Sum().Should().Be(book.Count);
        result.Shares.Select(s => s.Customers).Should().OnlyContain(n => n == book.Count / 2 || n == (book.Count / 2) + 1);
        (await (await leaving.GetAsync(Url)).ReadAsync<Page<CustomerSummaryDto>>()).Items.Should().BeEmpty();
        var first = await (await director.GetAsync($"{Url}/{book[0].Id}/ownership")).ReadAsync<List<OwnershipChangeDto>>();
        first.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = OwnershipChangeKind.BulkTransfer, FromOwnerId = leavingMe.Id, Reason = "刘洋离职" });
    }

    [Fact]
    public async Task Bulk_transfer_is_for_managers_within_their_team_and_takes_a_sensible_list_of_reps()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var repMe = await rep.MeAsync();
        var eastManager = await app.LoginAsync(DemoUsers.ManagerEast);
        var westManager = await app.LoginAsync(DemoUsers.ManagerWest);
        var westManagerMe = await westManager.MeAsync();

        (await rep.PostJsonAsync($"{Url}/transfers", new { fromOwnerId = repMe.Id, toOwnerIds = new[] { westManagerMe.Id } })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await (await westManager.PostJsonAsync($"{Url}/transfers", new { fromOwnerId = repMe.Id, toOwnerIds = new[] { westManagerMe.Id } }))
            .ShouldHaveFieldErrorAsync("fromOwnerId", HttpStatusCode.UnprocessableEntity);
        await (await eastManager.PostJsonAsync($"{Url}/transfers", new { fromOwnerId = repMe.Id, toOwnerIds = new[] { westManagerMe.Id } }))
            .ShouldHaveFieldErrorAsync("toOwnerIds[0]", HttpStatusCode.UnprocessableEntity);
        await (await eastManager.PostJsonAsync($"{Url}/transfers", new { fromOwnerId = repMe.Id, toOwnerIds = new[] { repMe.Id } })).ShouldHaveFieldErrorAsync("toOwnerIds");
        await (await eastManager.PostJsonAsync($"{Url}/transfers", new { fromOwnerId = repMe.Id, toOwnerIds = Array.Empty<Guid>() })).ShouldHaveFieldErrorAsync("toOwnerIds");
    }

    private static Task<HttpResponseMessage> TransferAsync(HttpClient client, CustomerDto customer, object body, string? ifMatch = "current")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Url}/{customer.Id}/transfer") { Content = JsonContent.Create(body, options: Json.Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch == "current" ? ETagOf(customer) : ifMatch);
        }

        return client.SendAsync(request);
    }
}
