using System.Net;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Features;
using static CrmPlatform.Deals.Tests.DealRequests;

namespace CrmPlatform.Deals.Tests;

/// <summary>面对拒绝: the seven refusals' scripts, per audience and language, kept by managers, searched by reps, and scored by what happened on deals.</summary>
public sealed class ObjectionsTests(CrmApp app) : IClassFixture<CrmApp>
{
    private const string Scripts = "/api/v1/objections/scripts";

    [Fact]
    public async Task The_library_ships_seed_001s_seven_refusals_for_both_audiences_in_chinese_and_english_and_reps_search_it()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var all = await ListAsync(rep, string.Empty);

        all.Should().HaveCount(14);
        all.GroupBy(s => s.Objection).Should().HaveCount(7).And.OnlyContain(g => g.Select(s => s.Audience).Distinct().Count() == 2);
        all.Should().OnlyContain(s => s.Text.Length > 20 && s.EnglishText.Length > 20);
        all.Where(s => s.Objection == Objection.UnhappyBefore).Should().OnlyContain(s => s.Uses == 0 && s.SuccessRate == null, "a script nobody has used has no rate yet");
        all.Single(s => s.Objection == Objection.InHouse && s.Audience == ObjectionAudience.Executive).Text.Should().Contain("较低的总成本");
        (await ListAsync(rep, "q=预算")).Select(s => s.Objection).Should().NotBeEmpty().And.OnlyContain(o => o == Objection.NoBudget);
        (await ListAsync(rep, "q=BUDGET")).Select(s => s.Objection).Should().Contain(Objection.NoBudget);
        (await ListAsync(rep, "objection=priceTooHigh&audience=executive")).Should().ContainSingle().Which.Text.Should().Contain("投资回报");
        await (await rep.GetAsync($"{Scripts}?objection=tooCheap")).ShouldHaveFieldErrorAsync("objection");
    }

    [Fact]
    public async Task Managers_keep_the_library_and_a_rep_cannot()
    {
        var manager = await app.LoginAsync(DemoUsers.ManagerWest);
        var rep = await app.LoginAsync(DemoUsers.RepWest);
        var script = (await ListAsync(manager, "objection=sendMaterial&audience=middleManager")).Single();
        var body = new { objection = "sendMaterial", audience = "middleManager", text = script.Text + "（附产品目录）", englishText = script.EnglishText + " (catalogue attached)" };

        (await rep.SendWithIfMatchAsync(HttpMethod.Put, $"{Scripts}/{script.Id}", body, script.Version)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var changed = await (await manager.SendWithIfMatchAsync(HttpMethod.Put, $"{Scripts}/{script.Id}", body, script.Version)).ReadAsync<ObjectionScriptDto>();
        changed.Text.Should().EndWith("（附产品目录）");
        (await manager.SendWithIfMatchAsync(HttpMethod.Put, $"{Scripts}/{script.Id}", body, script.Version)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        await (await manager.PostJsonAsync(Scripts, new { objection = "noBudget", audience = "executive", text = "", englishText = "x" })).ShouldHaveFieldErrorAsync("text");

        var added = await (await manager.PostJsonAsync(Scripts, new { objection = "noBudget", audience = "executive", text = "明年预算编制前，先做一次免费评估。", englishText = "Before next year's budget, a free assessment." }))
            .ReadAsync<ObjectionScriptDto>(HttpStatusCode.Created);
        (await rep.PostJsonAsync(Scripts, new { objection = "noBudget", audience = "executive", text = "x", englishText = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ListAsync(rep, "objection=noBudget")).Should().HaveCount(3);
        var archived = await (await manager.SendWithIfMatchAsync(HttpMethod.Post, $"{Scripts}/{added.Id}/archive", null, added.Version)).ReadAsync<ObjectionScriptDto>();
        archived.ArchivedAt.Should().NotBeNull();
        (await ListAsync(rep, "objection=noBudget")).Should().HaveCount(2);
        (await ListAsync(rep, "objection=noBudget&includeArchived=true")).Should().HaveCount(3);
    }

    [Fact]
    public async Task Refusals_met_on_deals_give_each_script_its_success_rate_and_stay_with_the_deal()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.NewCustomerAsync("拒绝 处理商行");
        var deal = await rep.OpenDealAsync(customer.Id, "拒绝 年度供货");
        var price = (await ListAsync(rep, "objection=priceTooHigh&audience=middleManager")).Single();
        var supplier = (await ListAsync(rep, "objection=haveSupplier&audience=executive")).Single();

        foreach (var worked in new[] { true, true, false })
        {
            (await rep.PostJsonAsync($"{Url}/{deal.Id}/objections", new { objection = "priceTooHigh", scriptId = price.Id, worked, note = "对比了总成本" })).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        await (await rep.PostJsonAsync($"{Url}/{deal.Id}/objections", new { objection = "priceTooHigh", scriptId = supplier.Id, worked = true }))
            .ShouldHaveFieldErrorAsync("scriptId", HttpStatusCode.UnprocessableEntity);
        (await rep.PostJsonAsync($"{Url}/{deal.Id}/objections", new { objection = "notInCharge", worked = false })).StatusCode.Should().Be(HttpStatusCode.Created);
        var outsider = await app.LoginAsync(DemoUsers.RepWest);
        (await outsider.PostJsonAsync($"{Url}/{deal.Id}/objections", new { objection = "noBudget", worked = true })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"{Url}/{deal.Id}/objections")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var scored = (await ListAsync(rep, "objection=priceTooHigh&audience=middleManager")).Single();
        (scored.Uses, scored.Worked, scored.SuccessRate).Should().Be((3, 2, 66.7m));
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        await (await manager.SendWithIfMatchAsync(HttpMethod.Put, $"{Scripts}/{scored.Id}", new { objection = "noBudget", audience = "middleManager", text = scored.Text, englishText = scored.EnglishText }, scored.Version))
            .ShouldHaveFieldErrorAsync("objection", HttpStatusCode.UnprocessableEntity);
        var met = await (await rep.GetAsync($"{Url}/{deal.Id}/objections")).ReadAsync<List<DealObjectionDto>>();
        met.Select(o => o.Objection).Should().Equal(Objection.PriceTooHigh, Objection.PriceTooHigh, Objection.PriceTooHigh, Objection.NotInCharge);
        met[0].Should().BeEquivalentTo(new { ScriptId = (Guid?)price.Id, Worked = true, Note = "对比了总成本" });
    }

    private static async Task<List<ObjectionScriptDto>> ListAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"{Scripts}?{query}")).ReadAsync<List<ObjectionScriptDto>>();
}
