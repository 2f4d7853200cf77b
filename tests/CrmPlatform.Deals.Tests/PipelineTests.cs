using System.Net;
using CrmPlatform.Deals.Features;
using static CrmPlatform.Deals.Tests.DealRequests;

namespace CrmPlatform.Deals.Tests;

/// <summary>An admin shapes the pipeline: names, order, probabilities, new stages, and removing empty ones.</summary>
public sealed class PipelineTests(CrmApp app) : IClassFixture<CrmApp>
{
    private const string StagesUrl = $"{Url}/stages";

    [Fact]
    public async Task An_admin_renames_reorders_and_adds_stages_and_deals_move_through_them()
    {
        var admin = await app.LoginAsync(DemoUsers.Admin);
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var response = await rep.GetAsync(StagesUrl);
        var pipeline = await response.ReadAsync<PipelineDto>();
        response.Headers.ETag!.Tag.Should().Be($"\"{pipeline.Version}\"");
        pipeline.Stages.Select(s => (s.Key, s.Name, s.Probability)).Should().Equal(
            ("plan", "编制计划", 10), ("develop", "客户开发", 20), ("appointment", "约见面谈", 40), ("recommend", "产品推荐", 60), ("close", "双方成交", 100), ("afterSales", "售后服务", 100));

        object[] wanted =
        [
            Stage("plan", "编制计划", "Plan", 10, "open"),
            Stage("develop", "需求挖掘", "Discovery", 25, "open"),
            Stage("appointment", "约见面谈", "Appointment", 40, "open"),
            Stage("trial", "产品试用", "Trial", 50, "open"),
            Stage("recommend", "产品推荐", "Recommend", 70, "open"),
            Stage("close", "双方成交", "Closed", 100, "won"),
            Stage("afterSales", "售后服务", "After-sales", 100, "won"),
        ];
        await (await rep.SendWithIfMatchAsync(HttpMethod.Put, StagesUrl, new { stages = wanted }, pipeline.Version)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.SendWithIfMatchAsync(HttpMethod.Put, StagesUrl, new { stages = wanted }, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var changed = await (await admin.SendWithIfMatchAsync(HttpMethod.Put, StagesUrl, new { stages = wanted }, pipeline.Version)).ReadAsync<PipelineDto>();

        changed.Stages.Select(s => (s.Key, s.Name, s.Position, s.Probability)).Should().Equal(
            ("plan", "编制计划", 0, 10), ("develop", "需求挖掘", 1, 25), ("appointment", "约见面谈", 2, 40), ("trial", "产品试用", 3, 50),
            ("recommend", "产品推荐", 4, 70), ("close", "双方成交", 5, 100), ("afterSales", "售后服务", 6, 100));
        changed.Version.Should().NotBe(pipeline.Version);
        await (await admin.SendWithIfMatchAsync(HttpMethod.Put, StagesUrl, new { stages = wanted }, pipeline.Version)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var customer = await rep.NewCustomerAsync("阶段 试用商行");
        var deal = await rep.OpenDealAsync(customer.Id, "阶段 试用", 8_000m);
        var trial = await (await rep.MoveAsync(deal, "trial")).ReadAsync<DealDto>();
        (trial.Stage, trial.Probability).Should().Be(("trial", 50));
        var board = await (await rep.GetAsync($"{Url}/board")).ReadAsync<DealBoardDto>();
        board.Columns.Select(c => c.Stage.Key).Should().Equal("plan", "develop", "appointment", "trial", "recommend", "close", "afterSales");

        object[] withoutTrial = [.. wanted.Where((_, index) => index != 3)];
        await (await admin.SendWithIfMatchAsync(HttpMethod.Put, StagesUrl, new { stages = withoutTrial }, changed.Version))
            .ShouldHaveFieldErrorAsync("stages", HttpStatusCode.UnprocessableEntity);
        object[] trialWon = [.. wanted.Take(3), .. wanted.Skip(4).Take(1), Stage("trial", "产品试用", "Trial", 100, "won"), .. wanted.Skip(5)];
        await (await admin.SendWithIfMatchAsync(HttpMethod.Put, StagesUrl, new { stages = trialWon }, changed.Version))
            .ShouldHaveFieldErrorAsync("stages", HttpStatusCode.UnprocessableEntity);

        await rep.MoveAsync(trial, "recommend");
        var removed = await (await admin.SendWithIfMatchAsync(HttpMethod.Put, StagesUrl, new { stages = withoutTrial }, changed.Version)).ReadAsync<PipelineDto>();
        removed.Stages.Should().NotContain(s => s.Key == "trial", "an empty stage can go");
    }

    [Fact]
    public async Task A_pipeline_that_cannot_work_is_a_400_naming_what_is_wrong()
    {
        var admin = await app.LoginAsync(DemoUsers.Admin);
        var version = (await (await admin.GetAsync(StagesUrl)).ReadAsync<PipelineDto>()).Version;
        var open = Stage("plan", "编制计划", "Plan", 10, "open");
        var won = Stage("close", "双方成交", "Closed", 100, "won");

        await (await Put(admin, version, open, Stage("plan", "重复", "Again", 20, "open"), won)).ShouldHaveFieldErrorAsync("stages");
        await (await Put(admin, version, won, open)).ShouldHaveFieldErrorAsync("stages");
        await (await Put(admin, version, open, Stage("develop", "开发", "Develop", 20, "open"))).ShouldHaveFieldErrorAsync("stages");
        await (await Put(admin, version, Stage("Trial!", "试用", "Trial", 30, "open"), won)).ShouldHaveFieldErrorAsync("stages[0].key");
        await (await Put(admin, version, open, Stage("close", "双方成交", "Closed", 120, "won"))).ShouldHaveFieldErrorAsync("stages[1].probability");
        await (await Put(admin, version, open, Stage("close", " ", "Closed", 100, "won"))).ShouldHaveFieldErrorAsync("stages[1].name");
        await (await Put(admin, version, open)).ShouldHaveFieldErrorAsync("stages");
    }

    private static object Stage(string key, string name, string englishName, int probability, string phase) => new { key, name, englishName, probability, phase };

    private static Task<HttpResponseMessage> Put(HttpClient admin, uint version, params object[] stages) =>
        admin.SendWithIfMatchAsync(HttpMethod.Put, StagesUrl, new { stages }, version);
}
