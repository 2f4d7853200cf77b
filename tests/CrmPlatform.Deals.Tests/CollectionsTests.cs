using System.Net;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Deals.Features;
using static CrmPlatform.Deals.Tests.DealRequests;

namespace CrmPlatform.Deals.Tests;

/// <summary>货款回收: invoices on won deals, payments (partial allowed, never more than owed), and the ageing by rep, team and customer.</summary>
public sealed class CollectionsTests(CrmApp app) : DayBoundTests, IClassFixture<CrmApp>
{
    [Fact]
    public async Task A_won_deal_is_invoiced_up_to_its_amount_paid_in_parts_and_the_ageing_moves_with_each_payment()
    {
        var rep = await app.LoginAsync(DemoUsers.RepWest);
        var me = await rep.MeAsync();
        var customer = await rep.NewCustomerAsync("回款 账龄商行");
        var deal = await rep.OpenDealAsync(customer.Id, "回款 年度供货", 10_000m);
        await (await rep.PostJsonAsync($"{Url}/{deal.Id}/invoices", Invoice(1_000m, ChinaDay.Today().AddDays(10)))).ShouldHaveFieldErrorAsync("dealId", HttpStatusCode.UnprocessableEntity);
        var won = await (await rep.WinAsync(deal)).ReadAsync<DealDto>();

        var current = await (await rep.PostJsonAsync($"{Url}/{won.Id}/invoices", Invoice(6_000m, ChinaDay.Today().AddDays(10), number: "NO.0001")))
            .ReadAsync<InvoiceDto>(HttpStatusCode.Created);
        var late = await (await rep.PostJsonAsync($"{Url}/{won.Id}/invoices", Invoice(4_000m, ChinaDay.Today().AddDays(-45), issuedOn: ChinaDay.Today().AddDays(-75))))
            .ReadAsync<InvoiceDto>(HttpStatusCode.Created);

        (current.Outstanding, current.DaysOverdue, current.Number, current.DealTitle, current.CustomerName).Should().Be((6_000m, 0, "NO.0001", "回款 年度供货", "回款 账龄商行"));
        (late.Outstanding, late.DaysOverdue).Should().Be((4_000m, 45));
        await (await rep.PostJsonAsync($"{Url}/{won.Id}/invoices", Invoice(0.01m, ChinaDay.Today()))).ShouldHaveFieldErrorAsync("amount", HttpStatusCode.UnprocessableEntity);
        await (await rep.PostJsonAsync($"{Url}/{won.Id}/invoices", Invoice(1m, ChinaDay.Today().AddDays(-1)))).ShouldHaveFieldErrorAsync("dueOn");
        await (await rep.PostJsonAsync($"{Url}/{won.Id}/invoices", Invoice(1m, ChinaDay.Today().AddDays(9), issuedOn: ChinaDay.Today().AddDays(1)))).ShouldHaveFieldErrorAsync("issuedOn");

        (await AgeingAsync(rep, $"ownerId={me.Id}")).Total.Should().BeEquivalentTo(new
        {
            Outstanding = 10_000m, NotDue = 6_000m, Days0To30 = 0m, Days31To60 = 4_000m, Days61To90 = 0m, Over90 = 0m, Overdue = 4_000m, Invoices = 2,
        });

        var partly = await (await rep.PostJsonAsync($"/api/v1/collections/invoices/{late.Id}/payments", new { amount = 1_500m, method = "转账" })).ReadAsync<InvoiceDto>();
        (partly.Paid, partly.Outstanding, partly.DaysOverdue).Should().Be((1_500m, 2_500m, 45));
        partly.Payments.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Amount = 1_500m, ReceivedOn = ChinaDay.Today(), Method = "转账", RecordedBy = me.Id });
        await (await rep.PostJsonAsync($"/api/v1/collections/invoices/{late.Id}/payments", new { amount = 2_500.01m })).ShouldHaveFieldErrorAsync("amount", HttpStatusCode.UnprocessableEntity);
        await (await rep.PostJsonAsync($"/api/v1/collections/invoices/{late.Id}/payments", new { amount = 1m, receivedOn = ChinaDay.Today().AddDays(1) })).ShouldHaveFieldErrorAsync("receivedOn");
        await (await rep.PostJsonAsync($"/api/v1/collections/invoices/{late.Id}/payments", new { amount = 0m })).ShouldHaveFieldErrorAsync("amount");

        var byRep = await AgeingAsync(rep, $"ownerId={me.Id}");
        byRep.Rows.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = me.Id, Name = "刘洋", Outstanding = 8_500m, Days31To60 = 2_500m, Overdue = 2_500m });

        var paid = await (await rep.PostJsonAsync($"/api/v1/collections/invoices/{late.Id}/payments", new { amount = 2_500m })).ReadAsync<InvoiceDto>();
        (paid.Outstanding, paid.DaysOverdue).Should().Be((0m, 0));
        (await AgeingAsync(rep, $"ownerId={me.Id}")).Total.Should().BeEquivalentTo(new { Outstanding = 6_000m, NotDue = 6_000m, Overdue = 0m, Invoices = 1 });
        var byCustomer = await AgeingAsync(rep, $"groupBy=customer&ownerId={me.Id}");
        byCustomer.Rows.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = customer.Id, Name = "回款 账龄商行", Outstanding = 6_000m });
        var byTeam = await AgeingAsync(rep, $"groupBy=team&ownerId={me.Id}");
        byTeam.Rows.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = me.TeamId, Name = "West" });

        var invoices = await (await rep.GetAsync($"{Url}/{won.Id}/invoices")).ReadAsync<List<InvoiceDto>>();
        invoices.Select(i => i.Id).Should().Equal(current.Id, late.Id);
        var outstanding = await (await rep.GetAsync($"/api/v1/collections/invoices?ownerId={me.Id}")).ReadAsync<Page<InvoiceDto>>();
        outstanding.Items.Select(i => i.Id).Should().Equal(current.Id);
        var settled = await (await rep.GetAsync($"/api/v1/collections/invoices?state=paid&ownerId={me.Id}")).ReadAsync<Page<InvoiceDto>>();
        settled.Items.Select(i => i.Id).Should().Equal(late.Id);
    }

    [Fact]
    public async Task Another_teams_invoices_are_out_of_reach_and_out_of_their_ageing()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var outsider = await app.LoginAsync(DemoUsers.RepWest);
        var otherManager = await app.LoginAsync(DemoUsers.ManagerWest);
        var customer = await rep.NewCustomerAsync("回款 越权商行");
        var deal = await rep.OpenDealAsync(customer.Id, "回款 越权", 3_000m);
        var won = await (await rep.WinAsync(deal)).ReadAsync<DealDto>();
        var invoice = await (await rep.PostJsonAsync($"{Url}/{won.Id}/invoices", Invoice(3_000m, ChinaDay.Today().AddDays(-5), issuedOn: ChinaDay.Today().AddDays(-20)))).ReadAsync<InvoiceDto>(HttpStatusCode.Created);

        foreach (var client in new[] { outsider, otherManager })
        {
            await (await client.GetAsync($"{Url}/{won.Id}/invoices")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostJsonAsync($"{Url}/{won.Id}/invoices", Invoice(1m, ChinaDay.Today()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostJsonAsync($"/api/v1/collections/invoices/{invoice.Id}/payments", new { amount = 1m })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            var all = await (await client.GetAsync("/api/v1/collections/invoices?state=all&limit=200")).ReadAsync<Page<InvoiceDto>>();
            all.Items.Should().NotContain(i => i.Id == invoice.Id);
            (await AgeingAsync(client, "groupBy=customer")).Rows.Should().NotContain(r => r.Id == customer.Id);
        }

        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        (await AgeingAsync(manager, "groupBy=customer")).Rows.Should().Contain(r => r.Id == customer.Id && r.Days0To30 == 3_000m);
        await (await manager.GetAsync("/api/v1/collections/ageing?groupBy=region")).ShouldHaveFieldErrorAsync("groupBy");
    }

    [Fact]
    public async Task Each_outstanding_amount_falls_in_one_bucket_by_its_days_past_due()
    {
        var director = await app.LoginAsync(DemoUsers.Director);
        var customer = await director.NewCustomerAsync("回款 分段商行");
        var deal = await director.OpenDealAsync(customer.Id, "回款 分段", 1_270m);
        var won = await (await director.WinAsync(deal)).ReadAsync<DealDto>();
        // Due today is not yet overdue; 1 and 30 days past due are the first bucket, 31 and 60 the second, 61 and 90 the third, 91 the last.
        foreach (var (daysPastDue, amount) in new[] { (0, 1m), (1, 2m), (30, 4m), (31, 8m), (60, 16m), (61, 32m), (90, 64m), (91, 128m), (-1, 1_015m) })
        {
            var due = ChinaDay.Today().AddDays(-daysPastDue);
            (await director.PostJsonAsync($"{Url}/{won.Id}/invoices", Invoice(amount, due, issuedOn: due < ChinaDay.Today() ? due : ChinaDay.Today()))).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var byCustomer = await AgeingAsync(director, "groupBy=customer");

        byCustomer.Rows.Single(r => r.Id == customer.Id).Should().BeEquivalentTo(new
        {
            Outstanding = 1_270m, NotDue = 1_016m, Days0To30 = 6m, Days31To60 = 24m, Days61To90 = 96m, Over90 = 128m, Overdue = 254m, Invoices = 9,
        });
    }


    private static object Invoice(decimal amount, DateOnly dueOn, DateOnly? issuedOn = null, string? number = null) => new { number, amount, issuedOn, dueOn };

    private static async Task<AgeingDto> AgeingAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/v1/collections/ageing?{query}")).ReadAsync<AgeingDto>();
}
