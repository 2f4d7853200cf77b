using System.Net;
using System.Net.Http.Json;
using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using Microsoft.Extensions.DependencyInjection;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>
/// Value tiers (价值分级) from the purchases other modules report (<see cref="RecordPurchase"/>), the manual override
/// with its reason, the filter, and the loyal rule (老客户). The thresholds are the seeds' defaults unless a test says.
/// </summary>
public sealed class ValueTierTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Without_purchases_a_customer_is_unrated_and_a_tier_set_by_hand_needs_a_reason_and_its_version()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var otherTeam = await app.LoginAsync(DemoUsers.RepWest);
        var customer = await rep.CreateAsync("价值 未评级商行");

        customer.Value.Should().Be(new CustomerValueDto(null, null, null, null, 0, 0, 12));
        (await IdsAsync(rep, "valueTier=unrated")).Should().Contain(customer.Id);

        await (await OverrideAsync(rep, customer, new { tier = "a", reason = " " }, ETagOf(customer))).ShouldHaveFieldErrorAsync("reason");
        await (await OverrideAsync(rep, customer, new { tier = "vip", reason = "大客户" }, ETagOf(customer))).ShouldHaveFieldErrorAsync("tier");
        await (await OverrideAsync(rep, customer, new { tier = "a", reason = "年采购额大" }, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await OverrideAsync(otherTeam, customer, new { tier = "a", reason = "年采购额大" }, ETagOf(customer))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var rated = await (await OverrideAsync(rep, customer, new { tier = "a", reason = "年采购额大，线下成交未录入" }, ETagOf(customer))).ReadAsync<CustomerDto>();

        rated.Value.Should().Be(new CustomerValueDto(ValueTier.A, null, ValueTier.A, "年采购额大，线下成交未录入", 0, 0, 12));
        await (await OverrideAsync(rep, customer, new { tier = "b", reason = "改" }, ETagOf(customer))).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await IdsAsync(rep, "valueTier=a")).Should().Contain(customer.Id);
        (await IdsAsync(rep, "valueTier=unrated")).Should().NotContain(customer.Id);
        (await ListAsync(rep, $"q={Uri.EscapeDataString(customer.Name)}")).Should().ContainSingle().Which.ValueTier.Should().Be(ValueTier.A);
        var export = await (await rep.GetAsync($"{Url}/export?q={Uri.EscapeDataString(customer.Name)}&language=zh-CN")).Content.ReadAsStringAsync();
        export.Should().Contain(",价值分级,").And.Contain(",A 高价值,");
        var history = await (await rep.GetAsync($"{Url}/{customer.Id}/history")).ReadAsync<Page<AuditEntryDto>>();
        history.Items[0].Changes.Should().ContainEquivalentOf(new { Field = "valueTierOverride", Old = (string?)null, New = "a" });

        var given = await (await OverrideAsync(rep, rated, new { tier = (string?)null, reason = "交给系统计算" }, ETagOf(rated))).ReadAsync<CustomerDto>();

        given.Value.Should().Be(new CustomerValueDto(null, null, null, "交给系统计算", 0, 0, 12));
    }

    [Fact]
    public async Task Purchases_in_the_window_rate_a_customer_once_each_and_make_it_a_buyer_then_loyal_by_the_rule()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var close = await CreateAsync(rep, "价值 老朋友商行", "intent", relationshipLevel: 3);
        var distant = await CreateAsync(rep, "价值 新客户商行", "prospect", relationshipLevel: 1);

        var first = Purchase(close.Id, 30_000m);
        await DeliverAsync(first);
        await DeliverAsync(first);
        await DeliverAsync(Purchase(distant.Id, 5_000m));
        await DeliverAsync(Purchase(distant.Id, 900_000m, monthsAgo: 13));

        var once = await GetAsync(rep, close.Id);
        (once.Stage, once.Value!.Tier, once.Value.PurchaseTotal, once.Value.PurchaseCount).Should().Be((CustomerStage.Loyal, ValueTier.C, 30_000m, 1),
            "one purchase, delivered twice, is below B's two purchases; a buyer at level 3 is loyal");
        var buyer = await GetAsync(rep, distant.Id);
        (buyer.Stage, buyer.Value!.Tier, buyer.Value.PurchaseTotal).Should().Be((CustomerStage.Customer, ValueTier.C, 5_000m), "a purchase before the window counts for the stage, not the tier");

        // Two purchases of one customer at the same moment are both counted.
        await Task.WhenAll(DeliverAsync(Purchase(close.Id, 20_000m)), DeliverAsync(Purchase(close.Id, 20_000m)));
        (await GetAsync(rep, close.Id)).Value!.Should().BeEquivalentTo(new { Tier = ValueTier.B, PurchaseTotal = 70_000m, PurchaseCount = 3 });

        for (var purchase = 0; purchase < 3; purchase++)
        {
            await DeliverAsync(Purchase(close.Id, 15_000m));
        }

        (await GetAsync(rep, close.Id)).Value!.Should().BeEquivalentTo(new { Tier = ValueTier.A, ComputedTier = ValueTier.A, PurchaseTotal = 115_000m, PurchaseCount = 6 });
        (await IdsAsync(rep, "valueTier=a")).Should().Contain(close.Id).And.NotContain(distant.Id);
        (await IdsAsync(rep, "valueTier=c")).Should().Contain(distant.Id).And.NotContain(close.Id);
    }

    [Fact]
    public async Task New_thresholds_rate_everyone_again_at_once_and_each_night_purchases_leave_the_window()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var admin = await app.LoginAsync(DemoUsers.Admin);
        var customer = await CreateAsync(rep, "价值 阈值商行", "customer", relationshipLevel: 1);
        await DeliverAsync(Purchase(customer.Id, 8_000m));
        await DeliverAsync(Purchase(customer.Id, 8_000m, monthsAgo: 3));
        (await GetAsync(rep, customer.Id)).Value!.Tier.Should().Be(ValueTier.C, "a B needs 20,000 in total");

        var settings = await (await admin.GetAsync($"{Url}/settings")).ReadAsync<CustomerSettingsDto>();
        await (await admin.PutSettingsAsync(settings with { ValueTiers = settings.ValueTiers with { ATotal = 1m } }, settings.Version))
            .ShouldHaveFieldErrorAsync("valueTiers.aTotal");
        var twoMonths = settings with { ValueTiers = new ValueTierThresholds(2, 50_000m, 5, 5_000m, 1) };
        var changed = await (await admin.PutSettingsAsync(twoMonths, settings.Version)).ReadAsync<CustomerSettingsDto>();

        (await GetAsync(rep, customer.Id)).Value!.Should().BeEquivalentTo(new { Tier = ValueTier.B, PurchaseTotal = 8_000m, PurchaseCount = 1, WindowMonths = 2 });

        await Sql.ExecuteAsync(app.ConnectionString, "UPDATE customers.customer_purchases SET purchased_at = purchased_at - interval '1 year' WHERE customer_id = @id", ("id", customer.Id));
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var job = scope.ServiceProvider.GetServices<CrmPlatform.BuildingBlocks.Scheduling.IDailyJob>().Single(j => j.Name == "customers.value-tiers");
            await job.RunAsync(DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        }

        (await GetAsync(rep, customer.Id)).Value!.Tier.Should().BeNull("no purchase is left in the window");
        (await admin.PutSettingsAsync(settings, changed.Version)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_loyal_rule_is_an_admins_setting_and_applies_when_a_buyers_relationship_grows_or_the_rule_changes()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var admin = await app.LoginAsync(DemoUsers.Admin);
        var adminId = (await admin.MeAsync()).Id;
        var buyer = await CreateAsync(rep, "价值 成交商行", "customer", relationshipLevel: 2);
        var waiting = await CreateAsync(rep, "价值 二级老主顾", "customer", relationshipLevel: 2);
        buyer.Stage.Should().Be(CustomerStage.Customer);

        var closer = await (await rep.PutAsync(buyer, Body("价值 成交商行", "customer", relationshipLevel: 3), ETagOf(buyer))).ReadAsync<CustomerDto>();
        closer.Stage.Should().Be(CustomerStage.Loyal, "a buyer at relationship level 3 is 老客户");
        (await CreateAsync(rep, "价值 意向商行", "intent", relationshipLevel: 4)).Stage.Should().Be(CustomerStage.Intent, "who has not bought is not loyal");

        var settings = await (await admin.GetAsync($"{Url}/settings")).ReadAsync<CustomerSettingsDto>();
        settings.Loyalty.Should().Be(new LoyaltyRules(3, CountReferrals: true));
        await (await admin.PutSettingsAsync(settings with { Loyalty = new LoyaltyRules(5, true) }, settings.Version)).ShouldHaveFieldErrorAsync("loyalty.relationshipLevel");
        var byLevelTwo = await (await admin.PutSettingsAsync(settings with { Loyalty = new LoyaltyRules(2, true) }, settings.Version)).ReadAsync<CustomerSettingsDto>();

        var promoted = await GetAsync(rep, waiting.Id);
        promoted.Stage.Should().Be(CustomerStage.Loyal, "a lower level makes the buyers who reach it loyal at once");
        var history = await (await rep.GetAsync($"{Url}/{waiting.Id}/history")).ReadAsync<Page<AuditEntryDto>>();
        history.Items[0].Should().BeEquivalentTo(new { Action = AuditAction.Updated, ChangedBy = adminId, Changes = new[] { new FieldChange("stage", "customer", "loyal") } });

        var byLevelOff = await (await admin.PutSettingsAsync(byLevelTwo with { Loyalty = new LoyaltyRules(null, true) }, byLevelTwo.Version)).ReadAsync<CustomerSettingsDto>();
        (await CreateAsync(rep, "价值 成交四级商行", "customer", relationshipLevel: 4)).Stage.Should().Be(CustomerStage.Customer, "the level rule is off");
        (await admin.PutSettingsAsync(settings, byLevelOff.Version)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_merge_moves_the_purchases_to_the_survivor_later_ones_follow_it_and_an_impossible_purchase_is_not_kept()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var survivor = await CreateAsync(rep, "价值 合并留存", "intent", relationshipLevel: 1);
        var duplicate = await CreateAsync(rep, "价值 合并重复", "intent", relationshipLevel: 1);
        await DeliverAsync(Purchase(duplicate.Id, 15_000m));
        await DeliverAsync(Purchase(duplicate.Id, 15_000m));
        (await GetAsync(rep, duplicate.Id)).Value!.Tier.Should().Be(ValueTier.B);

        var (keep, gone) = (await GetAsync(rep, survivor.Id), await GetAsync(rep, duplicate.Id));
        var merge = new HttpRequestMessage(HttpMethod.Post, $"{Url}/{keep.Id}/merge") { Content = JsonContent.Create(new { duplicateId = gone.Id, duplicateVersion = gone.Version }) };
        merge.Headers.TryAddWithoutValidation("If-Match", ETagOf(keep));
        var merged = await (await manager.SendAsync(merge)).ReadAsync<CustomerDto>();

        merged.Value!.Should().BeEquivalentTo(new { Tier = ValueTier.B, PurchaseTotal = 30_000m, PurchaseCount = 2 });
        merged.Stage.Should().Be(CustomerStage.Customer, "the duplicate had bought");
        (await Sql.ScalarAsync<long>(app.ConnectionString, "SELECT count(*) FROM customers.customer_value WHERE customer_id = @id", ("id", gone.Id))).Should().Be(0);

        await DeliverAsync(Purchase(gone.Id, 5_000m));
        await DeliverAsync(Purchase(keep.Id, -5_000m));
        await DeliverAsync(Purchase(keep.Id, 5_000m, monthsAgo: -2));

        (await GetAsync(rep, keep.Id)).Value!.Should().BeEquivalentTo(new { PurchaseTotal = 35_000m, PurchaseCount = 3 },
            "a purchase of the merged-away customer is the survivor's; a negative or future one is not kept");
    }

    private static RecordPurchase Purchase(Guid customerId, decimal amount, int monthsAgo = 0)
    {
        var at = DateTimeOffset.UtcNow.AddMonths(-monthsAgo).AddMinutes(-1);
        return new RecordPurchase(Guid.CreateVersion7(), at, customerId, "价值测试", amount, "CNY", at, [], null, null, "deals");
    }

    private async Task DeliverAsync(RecordPurchase purchase)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await IntegrationEventDelivery.DeliverAsync(scope.ServiceProvider, purchase, CancellationToken.None);
    }

    private static object Body(string name, string stage, int relationshipLevel) => new { name, kind = "company", stage, relationshipLevel };

    private static async Task<CustomerDto> CreateAsync(HttpClient client, string name, string stage, int relationshipLevel) =>
        await (await client.PostJsonAsync($"{Url}?confirmDuplicate=true", Body(name, stage, relationshipLevel))).ReadAsync<CustomerDto>(HttpStatusCode.Created);

    private static async Task<CustomerDto> GetAsync(HttpClient client, Guid id) => await (await client.GetAsync($"{Url}/{id}")).ReadAsync<CustomerDto>();

    private static async Task<IReadOnlyList<Guid>> IdsAsync(HttpClient client, string query) => [.. (await ListAsync(client, query)).Select(c => c.Id)];

    private static async Task<IReadOnlyList<CustomerSummaryDto>> ListAsync(HttpClient client, string query) =>
        (await (await client.GetAsync($"{Url}?{query}&limit=200")).ReadAsync<Page<CustomerSummaryDto>>()).Items;

    private static Task<HttpResponseMessage> OverrideAsync(HttpClient client, CustomerDto customer, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{Url}/{customer.Id}/value-tier") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}
