using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using Microsoft.Extensions.DependencyInjection;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>Possible duplicates on create (409 with the candidates unless confirmed) and the merge of two records of one customer.</summary>
public sealed class DuplicatesTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Create_answers_409_with_the_candidate_for_a_phone_typed_another_way_or_the_same_name_at_the_same_company_unless_confirmed()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var me = await rep.MeAsync();
        var existing = await CreateAsync(rep, new { name = "查重 西湖茶庄", kind = "company", company = "西湖茶业", phone = "+86 138 0013 9000", otherPhones = new[] { "0571-8888 0000" } });

        var samePhone = await CandidatesOfAsync(await rep.PostJsonAsync(Url, new { name = "别的名字", kind = "person", phone = "138-0013-9000" }));
        samePhone.Candidates.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            existing.Id, existing.Name, Company = "西湖茶业", Phone = "+86 138 0013 9000", OwnerId = me.Id, OwnerName = me.DisplayName,
            SamePhone = true, SameNameAndCompany = false, existing.Version,
        });
        samePhone.OtherMatches.Should().Be(0);
        (await CandidatesOfAsync(await rep.PostJsonAsync(Url, new { name = "座机同号", kind = "person", otherPhones = new[] { "+86 571 8888 0000" } })))
            .Candidates.Should().ContainSingle().Which.SamePhone.Should().BeTrue();
        (await CandidatesOfAsync(await rep.PostJsonAsync(Url, new { name = "查重西湖茶庄", kind = "company", company = " 西湖 茶业" })))
            .Candidates.Should().ContainSingle().Which.SameNameAndCompany.Should().BeTrue();

        var confirmed = await (await rep.PostJsonAsync($"{Url}?confirmDuplicate=true", new { name = "别的名字", kind = "person", phone = "138-0013-9000" }))
            .ReadAsync<CustomerDto>(HttpStatusCode.Created);
        confirmed.Phone.Should().Be("138-0013-9000");
        // A name alone is no evidence (there are many 张伟), and a number that only shares digits with another is a different number.
        await CreateAsync(rep, new { name = "查重 西湖茶庄", kind = "person" });
        await CreateAsync(rep, new { name = "近似号码", kind = "person", phone = "138 0013 9001" });
        await (await rep.PostJsonAsync($"{Url}?confirmDuplicates=true", new { name = "拼错参数", kind = "person" })).ShouldHaveFieldErrorAsync("confirmDuplicates");
        await (await rep.PostJsonAsync($"{Url}?confirmDuplicate=yes", new { name = "拼错参数", kind = "person" })).ShouldHaveFieldErrorAsync("confirmDuplicate");
    }

    [Theory]
    [InlineData("+86 138 0013 8000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("0086 138-0013-8000", "13800138000")]
    [InlineData("+86 571 8888 0000", "057188880000")]
    [InlineData("+86 0571 8888 0000", "057188880000")]
    [InlineData("0571-8888 0000", "057188880000")]
    [InlineData("+86 10 6552 9988", "01065529988")]
    [InlineData("010-6552 9988", "01065529988")]
    [InlineData("+86 400 820 8820", "4008208820")]
    [InlineData("400-820-8820", "4008208820")]
    [InlineData("+1 415 555 0100", "14155550100")]
    [InlineData("12345", null)]
    public async Task A_number_typed_in_any_usual_way_has_one_key(string phone, string? key) =>
        (await Sql.ScalarAsync<object>(app.ConnectionString, "SELECT customers.phone_key(@phone)", ("phone", phone)))
            .Should().Be(key is null ? DBNull.Value : key);

    [Fact]
    public async Task A_match_outside_the_callers_scope_blocks_the_create_but_is_only_counted_never_named()
    {
        var west = await app.LoginAsync(DemoUsers.RepWest);
        var east = await app.LoginAsync(DemoUsers.RepEast);
        var director = await app.LoginAsync(DemoUsers.Director);
        var theirs = await CreateAsync(west, new { name = "西区的客户", kind = "person", phone = "139 1111 2222" });

        var problem = await (await east.PostJsonAsync(Url, new { name = "东区新客户", kind = "person", phone = "13911112222" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("candidates").GetArrayLength().Should().Be(0);
        problem.GetProperty("otherMatches").GetInt32().Should().Be(1);
        problem.GetRawText().Should().NotContain("西区的客户").And.NotContain(theirs.Id.ToString());

        var seenByDirector = await CandidatesOfAsync(await director.PostJsonAsync(Url, new { name = "东区新客户", kind = "person", phone = "13911112222" }));
        seenByDirector.Candidates.Should().ContainSingle().Which.Id.Should().Be(theirs.Id);
    }

    [Fact]
    public async Task A_customers_duplicates_are_the_others_that_match_it()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var first = await CreateAsync(rep, new { name = "重复 甲", kind = "person", phone = "137 0000 1111" });
        var second = await CreateAsync(rep, new { name = "重复 乙", kind = "person", phone = "13700001111" }, confirm: true);
        var unrelated = await CreateAsync(rep, new { name = "重复 丙", kind = "person", phone = "137 0000 2222" });

        (await (await rep.GetAsync($"{Url}/{first.Id}/duplicates")).ReadAsync<DuplicatesDto>()).Candidates.Should().ContainSingle().Which.Id.Should().Be(second.Id);
        (await (await rep.GetAsync($"{Url}/{unrelated.Id}/duplicates")).ReadAsync<DuplicatesDto>()).Candidates.Should().BeEmpty();
        await (await (await app.LoginAsync(DemoUsers.RepWest)).GetAsync($"{Url}/{first.Id}/duplicates")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_merge_keeps_every_contact_entry_key_date_phone_and_tag_and_the_merged_address_points_to_the_survivor()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var survivor = await CreateAsync(rep, new
        {
            name = "合并 杭州茶庄", kind = "company", company = "杭州茶庄", phone = "0571-8765 0001", tags = new[] { "茶友" }, relationshipLevel = 2,
        });
        var duplicate = await CreateAsync(rep, new
        {
            name = "合并 杭州茶庄（旧档）", kind = "company", company = "杭州茶庄", phone = "138 0013 7000", email = "boss@tea.example", tags = new[] { "VIP", "茶友" },
            stage = "customer", importance = "key", relationshipLevel = 3, hobbies = "钓鱼", otherPhones = new[] { "0571-8765 0001" },
        }, confirm: true);
        (await rep.PostJsonAsync($"{Url}/{duplicate.Id}/contacts", new { name = "鼞鼟老板", role = "decisionMaker" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await rep.PostJsonAsync($"{Url}/{duplicate.Id}/key-dates", new { kind = "companyAnniversary", month = 5, day = 8, year = 2001 })).StatusCode.Should().Be(HttpStatusCode.Created);
        var visitedAt = DateTimeOffset.UtcNow.AddDays(-3);
        (await rep.PostJsonAsync($"{Url}/{duplicate.Id}/interactions", new { kind = "visit", summary = "上门拜访", occurredAt = visitedAt })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await rep.PostJsonAsync($"{Url}/{survivor.Id}/interactions", new { kind = "note", summary = "老档案的备注" })).StatusCode.Should().Be(HttpStatusCode.Created);

        // The contact changed the duplicate's version (ADR 0026).
        var merged = await (await MergeAsync(manager, survivor, duplicate.Id, (await rep.ReadCustomerAsync(duplicate.Id)).Version)).ReadAsync<CustomerDto>();

        // The duplicate's stage (成交) at its relationship level 3 makes a 老客户 by the loyal rule.
        merged.Should().BeEquivalentTo(new
        {
            Name = survivor.Name, Phone = "0571-8765 0001", OtherPhones = new[] { "138 0013 7000" }, Email = "boss@tea.example", Tags = new[] { "茶友", "VIP" },
            Stage = CustomerStage.Loyal, Importance = Importance.Key, RelationshipLevel = 3, Hobbies = "钓鱼",
        });
        merged.LastVisitedAt.Should().BeCloseTo(visitedAt, TimeSpan.FromMilliseconds(1));
        (await (await rep.GetAsync($"{Url}/{survivor.Id}/contacts")).ReadAsync<List<ContactDto>>()).Should().ContainSingle().Which.Name.Should().Be("鼞鼟老板");
        (await (await rep.GetAsync($"{Url}/{survivor.Id}/key-dates")).ReadAsync<List<KeyDateDto>>()).Should().ContainSingle().Which.CustomerId.Should().Be(survivor.Id);
        (await (await rep.GetAsync($"{Url}/{survivor.Id}/interactions")).ReadAsync<Page<InteractionDto>>()).Items.Select(i => i.Summary)
            .Should().BeEquivalentTo("上门拜访", "老档案的备注");

        var gone = await (await rep.GetAsync($"{Url}/{duplicate.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        gone.GetProperty("code").GetString().Should().Be("customer.merged");
        gone.GetProperty("mergedIntoId").GetGuid().Should().Be(survivor.Id);
        (await (await rep.GetAsync($"{Url}?q={Uri.EscapeDataString("合并 杭州茶庄")}")).ReadAsync<Page<CustomerSummaryDto>>()).Items
            .Select(c => c.Id).Should().Equal(survivor.Id);
        (await (await rep.GetAsync($"{Url}?q={Uri.EscapeDataString("鼞鼟")}")).ReadAsync<Page<CustomerSummaryDto>>()).Items
            .Select(c => c.Id).Should().Equal([survivor.Id], "the contact came over, and finds its new customer");
        (await (await rep.GetAsync($"{Url}/{survivor.Id}")).ReadAsync<CustomerDto>()).Version.Should().Be(merged.Version, "the merge answers the survivor as it is now");
        (await (await rep.GetAsync($"{Url}/{survivor.Id}/duplicates")).ReadAsync<DuplicatesDto>()).Any.Should().BeFalse();

        var history = await (await manager.GetAsync($"{Url}/{survivor.Id}/history")).ReadAsync<Page<AuditEntryDto>>();
        history.Items.Should().ContainSingle(e => e.Action == AuditAction.Merged).Which.Changes.Should().BeEquivalentTo(new[]
        {
            new FieldChange("mergedCustomerId", null, duplicate.Id.ToString()), new FieldChange("mergedCustomerName", null, duplicate.Name),
            new FieldChange("contacts", null, "1"), new FieldChange("interactions", null, "1"), new FieldChange("keyDates", null, "1"),
            // Where the two disagreed, the survivor's word stands and the duplicate's is kept here.
            new FieldChange("name", duplicate.Name, survivor.Name),
        });
        history.Items.Where(e => e.Action == AuditAction.Created).Should().HaveCount(2, "the duplicate's history is the survivor's now");
        // What another module tells about the merged-away customer lands on the survivor.
        var lateVisit = new RecordInteraction(
            Guid.CreateVersion7(), DateTimeOffset.UtcNow.AddMinutes(-5), duplicate.Id, InteractionKind.Visit, null, null, "合并后才送达的拜访", null, null, "visits");
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await IntegrationEventDelivery.DeliverAsync(scope.ServiceProvider, lateVisit, CancellationToken.None);
        }

        (await (await rep.GetAsync($"{Url}/{survivor.Id}/interactions")).ReadAsync<Page<InteractionDto>>()).Items.Select(i => i.Summary)
            .Should().Contain("合并后才送达的拜访");

        var duplicateHistory = await Sql.ScalarAsync<string>(
            app.ConnectionString,
            "SELECT changes::text FROM customers.audit_entries WHERE entity_id = @id ORDER BY id DESC LIMIT 1", ("id", duplicate.Id));
        duplicateHistory.Should().Contain("mergedIntoId").And.Contain(survivor.Id.ToString());
    }

    [Fact]
    public async Task Only_managers_and_above_merge_within_their_scope_at_the_versions_they_compared()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var westManager = await app.LoginAsync(DemoUsers.ManagerWest);
        var westRep = await app.LoginAsync(DemoUsers.RepWest);
        var survivor = await CreateAsync(rep, new { name = "合并 权限 甲", kind = "person", phone = "136 0000 5555" });
        var duplicate = await CreateAsync(rep, new { name = "合并 权限 乙", kind = "person", phone = "136 0000 5555" }, confirm: true);

        (await (await MergeAsync(rep, survivor, duplicate.Id, duplicate.Version)).ShouldBeProblemAsync(HttpStatusCode.Forbidden))
            .GetProperty("code").GetString().Should().Be("customer.merge_forbidden");
        await (await MergeAsync(westManager, survivor, duplicate.Id, duplicate.Version)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await MergeAsync(await app.LoginAsync(DemoUsers.Service), survivor, duplicate.Id, duplicate.Version)).ShouldBeProblemAsync(HttpStatusCode.Forbidden))
            .GetProperty("code").GetString().Should().Be("customer.merge_forbidden");
        await (await MergeAsync(manager, survivor, duplicate.Id, duplicate.Version, ifMatch: null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await MergeAsync(manager, survivor, duplicate.Id, duplicate.Version + 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await MergeAsync(manager, survivor, duplicate.Id, duplicate.Version, ifMatch: $"\"{survivor.Version + 1}\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await MergeAsync(manager, survivor, survivor.Id, survivor.Version)).ShouldHaveFieldErrorAsync("duplicateId");
        var westCustomer = await CreateAsync(westRep, new { name = "合并 西区", kind = "person" });
        await (await MergeAsync(manager, survivor, westCustomer.Id, westCustomer.Version)).ShouldHaveFieldErrorAsync("duplicateId", HttpStatusCode.NotFound);
        (await (await rep.GetAsync($"{Url}/{duplicate.Id}")).ReadAsync<CustomerDto>()).Version.Should().Be(duplicate.Version);

        (await MergeAsync(manager, survivor, duplicate.Id, duplicate.Version)).StatusCode.Should().Be(HttpStatusCode.OK);
        // Whoever could not see the merged customer learns nothing of where it went.
        (await (await westRep.GetAsync($"{Url}/{duplicate.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound))
            .GetProperty("code").GetString().Should().Be("customer.not_found");
        await (await rep.PutAsync(duplicate, new { name = "改已合并的", kind = "person" }, ETagOf(duplicate))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<CustomerDto> CreateAsync(HttpClient client, object body, bool confirm = false) =>
        await (await client.PostJsonAsync(confirm ? $"{Url}?confirmDuplicate=true" : Url, body)).ReadAsync<CustomerDto>(HttpStatusCode.Created);

    private static async Task<DuplicatesDto> CandidatesOfAsync(HttpResponseMessage response)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("code").GetString().Should().Be(PossibleDuplicatesProblem.Code);
        return problem.Deserialize<DuplicatesDto>(Json.Options)!;
    }

    private static Task<HttpResponseMessage> MergeAsync(HttpClient client, CustomerDto survivor, Guid duplicateId, uint duplicateVersion, string? ifMatch = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Url}/{survivor.Id}/merge")
        {
            Content = JsonContent.Create(new { duplicateId, duplicateVersion }, options: Json.Options),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch == string.Empty ? ETagOf(survivor) : ifMatch);
        }

        return client.SendAsync(request);
    }
}
