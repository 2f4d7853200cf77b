using System.Net;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Features;
using static CrmPlatform.Deals.Tests.DealRequests;

namespace CrmPlatform.Deals.Tests;

/// <summary>Deals over HTTP: terms and lines, the pipeline's moves with their history, record scope, and the guards on every change.</summary>
public sealed class DealsTests(CrmApp app) : DayBoundTests, IClassFixture<CrmApp>
{
    [Fact]
    public async Task A_deal_is_priced_from_its_lines_to_the_fen_half_away_from_zero_and_starts_in_the_first_stage()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var me = await rep.MeAsync();
        var customer = await rep.NewCustomerAsync("商机 定价商行");

        var response = await rep.PostJsonAsync(Url, Body(customer.Id, " 春季备货 ", lines:
        [
            Line("矿泉水", 3, 19.99m, discountPercent: 12.5m, unitCost: 11.2m),
            Line("纸巾", 1, 10.01m, discountPercent: 50m),
        ]));
        var deal = await response.ReadAsync<DealDto>(HttpStatusCode.Created);

        response.Headers.ETag!.Tag.Should().Be($"\"{deal.Version}\"");
        response.Headers.Location!.ToString().Should().Be($"/api/v1/deals/{deal.Id}");
        deal.Should().BeEquivalentTo(new
        {
            CustomerId = customer.Id,
            CustomerName = "商机 定价商行",
            Title = "春季备货",
            OwnerId = me.Id,
            OwnerName = "张伟",
            Stage = "plan",
            Status = DealStatus.Open,
            Probability = 10,
            Currency = "CNY",
            CreatedBy = me.Id,
        });
        deal.Lines.Select(l => (l.Product, l.Amount, l.Cost)).Should().Equal(
            ("矿泉水", 52.47m, 33.60m), // 3 × 19.99 × 87.5 % = 52.47375
            ("纸巾", 5.01m, null)); // 10.01 × 50 % = 5.005: half away from zero, not to even
        (deal.Amount, deal.Cost, deal.GrossMargin).Should().Be((57.48m, null, null), "one line's cost is unknown, so the margin is");
        (await rep.GetDealAsync(deal.Id)).Should().BeEquivalentTo(deal);
    }

    [Fact]
    public async Task A_catalogue_product_gives_a_line_its_name_price_and_cost_and_keepers_alone_change_the_catalogue()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var product = new { name = "商机测试 冰红茶", spec = "500ml×15", unit = "箱", category = "饮料", listPrice = 45.00m, cost = 30.00m };
        await (await rep.PostJsonAsync("/api/v1/products", product)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostJsonAsync("/api/v1/products", product with { listPrice = -1m })).ShouldHaveFieldErrorAsync("listPrice");
        var tea = await (await manager.PostJsonAsync("/api/v1/products", product)).ReadAsync<ProductDto>(HttpStatusCode.Created);
        var customer = await rep.NewCustomerAsync("商机 目录商行");

        var deal = await (await rep.PostJsonAsync(Url, Body(customer.Id, "冰红茶 夏季", lines: [new { productId = tea.Id, quantity = 20, discountPercent = 10 }])))
            .ReadAsync<DealDto>(HttpStatusCode.Created);

        deal.Lines.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            ProductId = tea.Id, Product = "商机测试 冰红茶", Spec = "500ml×15", Unit = "箱", Category = "饮料", UnitPrice = 45.00m, UnitCost = 30.00m, Amount = 810.00m, Cost = 600.00m,
        });
        (deal.Amount, deal.GrossMargin).Should().Be((810.00m, 210.00m));

        var cheaper = await (await manager.SendWithIfMatchAsync(HttpMethod.Put, $"/api/v1/products/{tea.Id}", product with { listPrice = 40.00m }, tea.Version))
            .ReadAsync<ProductDto>();
        await (await manager.SendWithIfMatchAsync(HttpMethod.Put, $"/api/v1/products/{tea.Id}", product, tea.Version)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await rep.GetDealAsync(deal.Id)).Lines[0].UnitPrice.Should().Be(45.00m, "a deal keeps the price it was written with");

        (await manager.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/products/{tea.Id}/archive", null, cheaper.Version)).StatusCode.Should().Be(HttpStatusCode.OK);
        var listed = await (await rep.GetAsync("/api/v1/products?q=商机测试")).ReadAsync<CrmPlatform.BuildingBlocks.Paging.Page<ProductDto>>();
        listed.Items.Should().NotContain(p => p.Id == tea.Id, "an archived product leaves the pickers");
        var all = await (await rep.GetAsync("/api/v1/products?q=商机测试&includeArchived=true")).ReadAsync<CrmPlatform.BuildingBlocks.Paging.Page<ProductDto>>();
        all.Items.Should().ContainSingle(p => p.Id == tea.Id).Which.ArchivedAt.Should().NotBeNull();
        await (await rep.PostJsonAsync(Url, Body(customer.Id, "未知产品", lines: [new { productId = Guid.NewGuid(), quantity = 1 }])))
            .ShouldHaveFieldErrorAsync("lines[0].productId", HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Bad_terms_are_400s_naming_the_field_and_a_customer_out_of_reach_is_a_422()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var west = await app.LoginAsync(DemoUsers.RepWest);
        var customer = await rep.NewCustomerAsync("商机 校验商行");
        var theirs = await west.NewCustomerAsync("商机 西区商行");

        await (await rep.PostJsonAsync(Url, Body(customer.Id, " "))).ShouldHaveFieldErrorAsync("title");
        await (await rep.PostJsonAsync(Url, Body(customer.Id, "负数", amount: -1m))).ShouldHaveFieldErrorAsync("amount");
        await (await rep.PostJsonAsync(Url, Body(customer.Id, "三位小数", amount: 1.005m))).ShouldHaveFieldErrorAsync("amount");
        await (await rep.PostJsonAsync(Url, Body(customer.Id, "概率", amount: 1m, probability: 101))).ShouldHaveFieldErrorAsync("probability");
        await (await rep.PostJsonAsync(Url, new { customerId = customer.Id, title = "美元", amount = 1m, currency = "USD" })).ShouldHaveFieldErrorAsync("currency");
        await (await rep.PostJsonAsync(Url, Body(customer.Id, "零数量", lines: [Line("水", 0, 1m)]))).ShouldHaveFieldErrorAsync("lines[0].quantity");
        await (await rep.PostJsonAsync(Url, Body(customer.Id, "折扣", lines: [Line("水", 1, 1m, discountPercent: 120m)]))).ShouldHaveFieldErrorAsync("lines[0].discountPercent");
        await (await rep.PostJsonAsync(Url, Body(customer.Id, "不符", amount: 99m, lines: [Line("水", 2, 10m)]))).ShouldHaveFieldErrorAsync("amount");
        await (await rep.PostJsonAsync(Url, Body(theirs.Id, "别人的客户", amount: 1m))).ShouldHaveFieldErrorAsync("customerId", HttpStatusCode.UnprocessableEntity);
        await (await rep.PostJsonAsync(Url, Body(customer.Id, "给别人", amount: 1m, ownerId: (await west.MeAsync()).Id)))
            .ShouldHaveFieldErrorAsync("ownerId", HttpStatusCode.UnprocessableEntity);

        await (await rep.PostJsonAsync(Url, new { customerId = customer.Id, title = "空行", lines = new object?[] { null } })).ShouldHaveFieldErrorAsync("lines[0]");
        var director = await app.LoginAsync(DemoUsers.Director);
        await (await director.PostJsonAsync(Url, Body(customer.Id, "给看不见客户的人", amount: 1m, ownerId: (await west.MeAsync()).Id)))
            .ShouldHaveFieldErrorAsync("ownerId", HttpStatusCode.UnprocessableEntity);

        (await (await rep.PostJsonAsync(Url, Body(customer.Id, "相符", amount: 20m, lines: [Line("水", 2, 10m)]))).ReadAsync<DealDto>(HttpStatusCode.Created))
            .Amount.Should().Be(20m, "an amount beside the lines is fine when it is their total");
    }

    [Fact]
    public async Task A_rep_never_reaches_another_teams_deal_and_a_manager_reaches_the_teams()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var otherRep = await app.LoginAsync(DemoUsers.RepWest);
        var otherManager = await app.LoginAsync(DemoUsers.ManagerWest);
        var customer = await rep.NewCustomerAsync("商机 越权商行");
        var deal = await rep.OpenDealAsync(customer.Id, "越权测试");

        foreach (var outsider in new[] { otherRep, otherManager })
        {
            await (await outsider.GetAsync($"{Url}/{deal.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await outsider.GetAsync($"{Url}/{deal.Id}/stage-history")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await outsider.PutDealAsync(deal, Body(customer.Id, "改", 1m), deal.Version)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await outsider.MoveAsync(deal, "develop")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await outsider.WinAsync(deal)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            var listed = await (await outsider.GetAsync($"{Url}?q=越权测试")).ReadAsync<CrmPlatform.BuildingBlocks.Paging.Page<DealCardDto>>();
            listed.Items.Should().BeEmpty();
            var board = await (await outsider.GetAsync($"{Url}/board")).ReadAsync<DealBoardDto>();
            board.Columns.SelectMany(c => c.Cards).Should().NotContain(c => c.Id == deal.Id);
        }

        (await manager.GetDealAsync(deal.Id)).Title.Should().Be("越权测试");
        var moved = await (await manager.MoveAsync(deal, "develop")).ReadAsync<DealDto>();
        moved.Stage.Should().Be("develop");
    }

    [Fact]
    public async Task An_archived_customers_deals_leave_every_list_and_answer_404()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var director = await app.LoginAsync(DemoUsers.Director);
        var customer = await rep.NewCustomerAsync("商机 归档商行");
        var deal = await rep.OpenDealAsync(customer.Id, "归档测试", 3_000m);
        (await director.GetDealAsync(deal.Id)).Title.Should().Be("归档测试");

        var current = await rep.ReadCustomerAsync(customer.Id);
        (await rep.SendWithIfMatchAsync(HttpMethod.Delete, $"/api/v1/customers/{customer.Id}", null, current.Version)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await Eventually.HoldsAsync(async () => (await director.GetAsync($"{Url}/{deal.Id}")).StatusCode == HttpStatusCode.NotFound, "the customer's archive reaches Deals");
        await (await rep.GetAsync($"{Url}/{deal.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var board = await (await director.GetAsync($"{Url}/board")).ReadAsync<DealBoardDto>();
        board.Columns.SelectMany(c => c.Cards).Should().NotContain(c => c.Id == deal.Id);
    }

    [Fact]
    public async Task Moves_keep_their_history_a_won_stage_needs_a_win_and_a_stale_or_missing_version_changes_nothing()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var customer = await rep.NewCustomerAsync("商机 推进商行");
        var deal = await rep.OpenDealAsync(customer.Id, "推进测试", 50_000m);

        await (await rep.MoveAsync(deal, "recommend", version: deal.Version + 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await rep.SendWithIfMatchAsync(HttpMethod.Put, $"{Url}/{deal.Id}/stage", new { stage = "recommend" }, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await rep.MoveAsync(deal, "nowhere")).ShouldHaveFieldErrorAsync("stage", HttpStatusCode.UnprocessableEntity);
        await (await rep.MoveAsync(deal, "close")).ShouldHaveFieldErrorAsync("stage", HttpStatusCode.UnprocessableEntity);

        var recommended = await (await rep.MoveAsync(deal, "recommend")).ReadAsync<DealDto>();
        (recommended.Stage, recommended.Probability).Should().Be(("recommend", 60));
        await (await manager.MoveAsync(deal, "appointment")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var lost = await (await manager.LoseAsync(recommended, "price", "对手低价 8%")).ReadAsync<DealDto>();
        (lost.Status, lost.Probability, lost.LostReason, lost.LostNote).Should().Be((DealStatus.Lost, 0, LostReason.Price, "对手低价 8%"));
        await (await rep.MoveAsync(lost, "develop")).ShouldHaveFieldErrorAsync("stage", HttpStatusCode.UnprocessableEntity);
        await (await rep.PutDealAsync(lost, Body(customer.Id, "改条款", 1m), lost.Version)).ShouldHaveFieldErrorAsync("status", HttpStatusCode.UnprocessableEntity);
        await (await rep.LoseAsync(lost, "sometimes")).ShouldHaveFieldErrorAsync("reason");

        var reopened = await (await rep.SendWithIfMatchAsync(HttpMethod.Post, $"{Url}/{deal.Id}/reopen", null, lost.Version)).ReadAsync<DealDto>();
        (reopened.Status, reopened.Stage, reopened.LostReason).Should().Be((DealStatus.Open, "recommend", null));

        var history = await (await rep.GetAsync($"{Url}/{deal.Id}/stage-history")).ReadAsync<List<DealStageChangeDto>>();
        history.Select(h => (h.FromStage, h.ToStage, h.Status, h.ChangedByName)).Should().Equal(
            (null, "plan", DealStatus.Open, "张伟"),
            ("plan", "recommend", DealStatus.Open, "张伟"),
            ("recommend", "recommend", DealStatus.Lost, "李华东"),
            ("recommend", "recommend", DealStatus.Open, "张伟"));
    }

    [Fact]
    public async Task The_terms_change_with_the_version_read_and_the_lines_given_replace_the_old_ones()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.NewCustomerAsync("商机 改价商行");
        var deal = await (await rep.PostJsonAsync(Url, Body(customer.Id, "改价测试", lines: [Line("水", 10, 2m), Line("茶", 1, 30m)])))
            .ReadAsync<DealDto>(HttpStatusCode.Created);

        await (await rep.PutDealAsync(deal, Body(customer.Id, "改价测试", lines: [Line("茶", 2, 30m)]), null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var changed = await (await rep.PutDealAsync(deal, Body(customer.Id, "改价测试 二", lines: [Line("茶", 2, 30m)], expectedCloseOn: new DateOnly(2027, 3, 31), probability: 35), deal.Version))
            .ReadAsync<DealDto>();

        changed.Should().BeEquivalentTo(new { Title = "改价测试 二", Amount = 60m, Probability = 35, ProbabilityOverride = 35, ExpectedCloseOn = new DateOnly(2027, 3, 31) });
        changed.Lines.Should().ContainSingle().Which.Product.Should().Be("茶");
        changed.Version.Should().NotBe(deal.Version);
        await (await rep.PutDealAsync(deal, Body(customer.Id, "旧版本", 1m), deal.Version)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var other = await rep.NewCustomerAsync("商机 改客户商行");
        await (await rep.PutDealAsync(changed, Body(other.Id, "换客户", 1m), changed.Version)).ShouldHaveFieldErrorAsync("customerId", HttpStatusCode.UnprocessableEntity);
        (await rep.PutDealAsync(changed, Body(customer.Id, "无明细", 80m), changed.Version)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await rep.GetDealAsync(deal.Id)).Should().BeEquivalentTo(new { Amount = 80m, Lines = Array.Empty<DealLineDto>() });
    }

    [Fact]
    public async Task The_board_totals_every_deal_per_stage_weights_it_by_probability_and_shows_the_soonest_first()
    {
        var rep = await app.LoginAsync(DemoUsers.RepWest);
        var me = await rep.MeAsync();
        var customer = await rep.NewCustomerAsync("商机 看板商行");
        await rep.OpenDealAsync(customer.Id, "看板 晚", 1_000m, new DateOnly(2027, 6, 30));
        var sooner = await rep.OpenDealAsync(customer.Id, "看板 早", 2_000m, new DateOnly(2027, 1, 15));
        await rep.OpenDealAsync(customer.Id, "看板 无日期", 333.33m);
        var recommended = await rep.OpenDealAsync(customer.Id, "看板 推荐", 10_000m);
        await rep.MoveAsync(recommended, "recommend");
        var won = await rep.OpenDealAsync(customer.Id, "看板 成交", 7_000m);
        await rep.WinAsync(won);
        var lost = await rep.OpenDealAsync(customer.Id, "看板 丢单", 9_000m);
        await rep.LoseAsync(lost, "noBudget");

        var board = await (await rep.GetAsync($"{Url}/board?ownerId={me.Id}")).ReadAsync<DealBoardDto>();

        board.Columns.Select(c => c.Stage.Key).Should().Equal("plan", "develop", "appointment", "recommend", "close", "afterSales");
        var plan = board.Columns[0];
        (plan.Count, plan.Amount, plan.WeightedAmount).Should().Be((3, 3_333.33m, 333.33m), "10 % of 3,333.33 is 333.333, rounded once");
        plan.Cards.Select(c => c.Title).Should().Equal("看板 早", "看板 晚", "看板 无日期");
        (board.Columns[3].Count, board.Columns[3].WeightedAmount).Should().Be((1, 6_000m));
        (board.Columns[4].Count, board.Columns[4].Amount, board.Columns[4].WeightedAmount).Should().Be((1, 7_000m, 7_000m), "won this month");
        board.Columns.Sum(c => c.Count).Should().Be(5, "a lost deal is not on the board");
        plan.Cards[0].Should().BeEquivalentTo(new { Id = sooner.Id, CustomerName = "商机 看板商行", OwnerName = "刘洋", Probability = 10 });

        var filtered = await (await rep.GetAsync($"{Url}/board?ownerId={me.Id}&expectedCloseFrom=2027-01-01&expectedCloseTo=2027-03-31&cardsPerColumn=1")).ReadAsync<DealBoardDto>();
        filtered.Columns[0].Cards.Should().ContainSingle().Which.Id.Should().Be(sooner.Id);
        filtered.Columns[0].Count.Should().Be(1);
        await (await rep.GetAsync($"{Url}/board?expectedCloseFrom=2027-03-31&expectedCloseTo=2027-01-01")).ShouldHaveFieldErrorAsync("expectedCloseTo");
        await (await rep.GetAsync($"{Url}/board?cardsPerColumn=0")).ShouldHaveFieldErrorAsync("cardsPerColumn");
        await (await rep.GetAsync($"{Url}/board?stgae=plan")).ShouldHaveFieldErrorAsync("stgae");
    }
}
