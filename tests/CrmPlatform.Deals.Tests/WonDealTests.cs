using System.Net;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Features;
using Microsoft.Extensions.DependencyInjection;
using static CrmPlatform.Deals.Tests.DealRequests;

namespace CrmPlatform.Deals.Tests;

/// <summary>
/// A won deal reaches the Customers module as a <see cref="RecordPurchase"/>: the purchase archive, the stage, the
/// value tier and the timeline learn it exactly once, however often the event is delivered, and two wins of one
/// customer at the same moment both count. Deals follow their customer to a new owner and into a merge.
/// </summary>
public sealed class WonDealTests(CrmApp app) : DayBoundTests, IClassFixture<CrmApp>
{
    [Fact]
    public async Task A_won_deal_fills_the_purchase_archive_makes_the_customer_a_buyer_rates_it_and_reaches_the_timeline_once()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var me = await rep.MeAsync();
        var customer = await rep.NewCustomerAsync("成交 档案商行", CustomerStage.Intent, relationshipLevel: 3);
        var deal = await (await rep.PostJsonAsync(Url, Body(customer.Id, "年度供货", lines:
        [
            Line("矿泉水", 100, 150m, discountPercent: 10m, unitCost: 90m),
            Line("纸巾", 50, 80m),
        ]))).ReadAsync<DealDto>(HttpStatusCode.Created);
        deal.Amount.Should().Be(17_500m);

        var won = await (await rep.WinAsync(deal)).ReadAsync<DealDto>();

        (won.Status, won.Stage, won.Probability, won.WonOn).Should().Be((DealStatus.Won, "close", 100, ChinaDay.Today()));
        await Eventually.HoldsAsync(async () => (await PurchasesAsync(rep, customer.Id)).Count == 1, "the purchase reaches the customer's archive");
        var purchase = (await PurchasesAsync(rep, customer.Id)).Single();
        purchase.Should().BeEquivalentTo(new { Title = "年度供货", Amount = 17_500m, Currency = "CNY", Source = "deals", ReferenceId = deal.Id });
        purchase.Lines.Should().Equal(
            new PurchaseLine("矿泉水", null, null, 100m, 150m, 10m, 13_500m),
            new PurchaseLine("纸巾", null, null, 50m, 80m, 0m, 4_000m));
        var bought = await rep.ReadCustomerAsync(customer.Id);
        (bought.Stage, bought.Value!.Tier, bought.Value.PurchaseTotal, bought.Value.PurchaseCount).Should().Be((CustomerStage.Loyal, ValueTier.C, 17_500m, 1),
            "a buyer at relationship level 3 is loyal by the default rule; one purchase is a C");
        var timeline = await TimelineAsync(rep, customer.Id);
        timeline.Should().ContainSingle(e => e.Kind == InteractionKind.Purchase).Which.Should().BeEquivalentTo(new
        {
            Summary = "年度供货 · CNY 17,500.00", Source = "deals", RecordedBy = me.Id,
        });

        // Delivered again (a crash after the handler's commit, before the outbox marked it sent): nothing changes.
        var published = await PublishedPurchaseAsync(deal.Id);
        await DeliverAsync(published);
        await DeliverAsync(published);

        (await PurchasesAsync(rep, customer.Id)).Should().ContainSingle();
        (await TimelineAsync(rep, customer.Id)).Count(e => e.Kind == InteractionKind.Purchase).Should().Be(1);
        (await rep.ReadCustomerAsync(customer.Id)).Value!.PurchaseCount.Should().Be(1);
        await (await rep.WinAsync(won)).ShouldHaveFieldErrorAsync("status", HttpStatusCode.UnprocessableEntity);
        await (await rep.PostJsonAsync($"/api/v1/customers/{customer.Id}/interactions", new { kind = "purchase", summary = "手记成交" })).ShouldHaveFieldErrorAsync("kind");
    }

    [Fact]
    public async Task Two_deals_of_one_customer_won_at_the_same_moment_both_count()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.NewCustomerAsync("成交 并发商行", CustomerStage.Prospect);
        var first = await rep.OpenDealAsync(customer.Id, "并发 一", 12_000m);
        var second = await rep.OpenDealAsync(customer.Id, "并发 二", 9_000m);

        var wins = await Task.WhenAll(rep.WinAsync(first), rep.WinAsync(second));

        wins.Should().AllSatisfy(w => w.StatusCode.Should().Be(HttpStatusCode.OK));
        await Eventually.HoldsAsync(
            async () => (await rep.ReadCustomerAsync(customer.Id)).Value is { PurchaseCount: 2, PurchaseTotal: 21_000m, Tier: ValueTier.B },
            "both purchases are rated: two purchases and 21,000 make a B by the default thresholds");
        (await rep.ReadCustomerAsync(customer.Id)).Stage.Should().Be(CustomerStage.Customer);
        (await PurchasesAsync(rep, customer.Id)).Select(p => p.Title).Should().BeEquivalentTo(["并发 一", "并发 二"]);
    }

    [Fact]
    public async Task A_deal_is_won_for_an_amount_on_a_day_that_has_come_and_a_won_deal_moves_only_among_the_won_stages()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.NewCustomerAsync("成交 规则商行");
        var empty = await rep.OpenDealAsync(customer.Id, "无金额", 0m);
        await (await rep.WinAsync(empty)).ShouldHaveFieldErrorAsync("amount", HttpStatusCode.UnprocessableEntity);
        var deal = await rep.OpenDealAsync(customer.Id, "补录成交", 3_000m);
        await (await rep.WinAsync(deal, ChinaDay.Today().AddDays(1))).ShouldHaveFieldErrorAsync("wonOn");

        var won = await (await rep.WinAsync(deal, ChinaDay.Today().AddDays(-40))).ReadAsync<DealDto>();

        won.WonOn.Should().Be(ChinaDay.Today().AddDays(-40));
        await (await rep.MoveAsync(won, "recommend")).ShouldHaveFieldErrorAsync("stage", HttpStatusCode.UnprocessableEntity);
        var afterSales = await (await rep.MoveAsync(won, "afterSales")).ReadAsync<DealDto>();
        (afterSales.Stage, afterSales.Status).Should().Be(("afterSales", DealStatus.Won));
        await Eventually.HoldsAsync(async () => (await PurchasesAsync(rep, customer.Id)).Count == 1, "the back-dated purchase is kept");
        var purchase = (await PurchasesAsync(rep, customer.Id)).Single();
        purchase.PurchasedAt.Should().Be(new DateTimeOffset(ChinaDay.Today().AddDays(-40).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)));
        purchase.Lines.Should().BeEmpty();
        var board = await (await rep.GetAsync($"{Url}/board?wonFrom={ChinaDay.Today().AddDays(-41):yyyy-MM-dd}")).ReadAsync<DealBoardDto>();
        board.Columns.Single(c => c.Stage.Key == "afterSales").Cards.Should().Contain(c => c.Id == deal.Id);
    }

    [Fact]
    public async Task A_customers_deals_and_what_they_are_owed_follow_it_to_a_new_owner_the_sale_stays_its_winners_and_a_merge_moves_them()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var repId = (await rep.MeAsync()).Id;
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var managerId = (await manager.MeAsync()).Id;
        var customer = await rep.NewCustomerAsync("成交 交接商行");
        var open = await rep.OpenDealAsync(customer.Id, "交接 进行中", 5_000m);
        var lost = await rep.OpenDealAsync(customer.Id, "交接 已丢", 5_000m);
        await rep.LoseAsync(lost, "timing");
        var won = await (await rep.WinAsync(await rep.OpenDealAsync(customer.Id, "交接 已成交", 8_000m))).ReadAsync<DealDto>();
        var invoice = await (await rep.PostJsonAsync($"{Url}/{won.Id}/invoices", new { amount = 8_000m, dueOn = ChinaDay.Today().AddDays(30) })).ReadAsync<InvoiceDto>(HttpStatusCode.Created);
        won.WonBy.Should().Be(repId);
        // The win changes the customer too (its stage, through the outbox): read it once that has happened.
        await Eventually.HoldsAsync(async () => (await PurchasesAsync(rep, customer.Id)).Count == 1, "the purchase reaches the customer");

        var current = await rep.ReadCustomerAsync(customer.Id);
        (await manager.SendWithIfMatchAsync(HttpMethod.Put, $"/api/v1/customers/{customer.Id}", new { name = current.Name, kind = "company", stage = current.Stage, ownerId = managerId }, current.Version))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        await Eventually.HoldsAsync(async () => (await manager.GetDealAsync(open.Id)).OwnerId == managerId, "the new owner takes over the deals");
        (await manager.GetDealAsync(lost.Id)).OwnerId.Should().Be(managerId, "lost deals too: the new owner sees the customer's history");
        var taken = await manager.GetDealAsync(won.Id);
        (taken.OwnerId, taken.WonBy).Should().Be((managerId, repId), "the sale stays the rep's");
        var owed = await (await manager.GetAsync($"{Url}/{won.Id}/invoices")).ReadAsync<List<InvoiceDto>>();
        owed.Should().ContainSingle().Which.Should().BeEquivalentTo(new { invoice.Id, OwnerId = managerId }, "whoever works the deal collects it");
        await (await rep.GetAsync($"{Url}/{open.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rep.GetAsync($"{Url}/{won.Id}/invoices")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var survivor = await manager.NewCustomerAsync("成交 交接留存");
        var duplicate = await manager.ReadCustomerAsync(customer.Id);
        var keep = await manager.ReadCustomerAsync(survivor.Id);
        (await manager.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/customers/{keep.Id}/merge", new { duplicateId = duplicate.Id, duplicateVersion = duplicate.Version }, keep.Version))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        await Eventually.HoldsAsync(async () => (await manager.GetDealAsync(open.Id)).CustomerId == survivor.Id, "the merged-away customer's deals are the survivor's");
        (await manager.GetDealAsync(open.Id)).CustomerName.Should().Be("成交 交接留存");
        (await (await manager.GetAsync($"{Url}/{won.Id}/invoices")).ReadAsync<List<InvoiceDto>>()).Single().CustomerId.Should().Be(survivor.Id);
    }


    private static async Task<IReadOnlyList<PurchaseDto>> PurchasesAsync(HttpClient client, Guid customerId) =>
        (await (await client.GetAsync($"/api/v1/customers/{customerId}/purchases")).ReadAsync<Page<PurchaseDto>>()).Items;

    private static async Task<IReadOnlyList<InteractionDto>> TimelineAsync(HttpClient client, Guid customerId) =>
        (await (await client.GetAsync($"/api/v1/customers/{customerId}/interactions")).ReadAsync<Page<InteractionDto>>()).Items;

    /// <summary>The event the win wrote to the deals outbox, as it was published.</summary>
    private async Task<RecordPurchase> PublishedPurchaseAsync(Guid dealId)
    {
        var payload = await Sql.ScalarAsync<string>(
            app.ConnectionString,
            "SELECT payload::text FROM deals.outbox_messages WHERE type LIKE 'CrmPlatform.Customers.Contracts.RecordPurchase,%' AND payload->>'referenceId' = @deal",
            ("deal", dealId.ToString()));
        return (RecordPurchase)new OutboxMessage { Type = typeof(RecordPurchase).AssemblyQualifiedName!, Payload = payload }.ToEvent();
    }

    private async Task DeliverAsync(IntegrationEvent integrationEvent)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await IntegrationEventDelivery.DeliverAsync(scope.ServiceProvider, integrationEvent, CancellationToken.None);
    }
}
