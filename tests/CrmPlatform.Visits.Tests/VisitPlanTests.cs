using System.Net;
using CrmPlatform.Customers.Features;
using CrmPlatform.Visits.Domain;
using CrmPlatform.Visits.Features;

namespace CrmPlatform.Visits.Tests;

/// <summary>每日拜访计划表: a rep plans a day, their manager signs it off or returns it, and an approved plan changes only as an amendment.</summary>
public sealed class VisitPlanTests(CrmApp app) : IClassFixture<CrmApp>
{
    private const string Plans = "/api/v1/visits/plans";

    [Fact]
    public async Task A_plan_goes_from_draft_to_submitted_is_returned_with_a_comment_resubmitted_approved_and_then_amended_and_acknowledged()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var customers = await Task.WhenAll(new[] { "拜访 甲商行", "拜访 乙商行", "拜访 丙商行" }.Select(name => rep.NewCustomerAsync(name)));
        var day = new DateOnly(2030, 3, 4);

        var draft = await (await rep.PostJsonAsync(Plans, Plan(day, customers[0], customers[1], customers[2]))).ReadAsync<VisitPlanDto>(HttpStatusCode.Created);
        draft.Should().BeEquivalentTo(new { Status = PlanStatus.Draft, Day = day, RepName = "张伟" });
        draft.Visits.Select(v => v.CustomerName).Should().Equal("拜访 甲商行", "拜访 乙商行", "拜访 丙商行");
        (await rep.PostJsonAsync(Plans, Plan(day, customers[0]))).StatusCode.Should().Be(HttpStatusCode.Conflict);

        (await StepAsync(manager, draft, "approve")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a draft is not signed off");
        var submitted = await (await StepAsync(rep, draft, "submit")).ReadAsync<VisitPlanDto>();
        submitted.Status.Should().Be(PlanStatus.Submitted);
        await (await rep.SendWithIfMatchAsync(HttpMethod.Put, $"{Plans}/{draft.Id}", Plan(day, customers[0]), submitted.Version))
            .ShouldHaveFieldErrorAsync("status", HttpStatusCode.UnprocessableEntity);
        (await StepAsync(rep, submitted, "approve")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a rep never approves their own plan");
        await (await manager.SendWithIfMatchAsync(HttpMethod.Post, $"{Plans}/{draft.Id}/return", new { comment = "" }, submitted.Version)).ShouldHaveFieldErrorAsync("comment");

        var returned = await (await manager.SendWithIfMatchAsync(HttpMethod.Post, $"{Plans}/{draft.Id}/return", new { comment = "乙商行上周刚拜访过，换成收款客户" }, submitted.Version))
            .ReadAsync<VisitPlanDto>();
        returned.Should().BeEquivalentTo(new { Status = PlanStatus.Returned, ReturnComment = "乙商行上周刚拜访过，换成收款客户" });

        var fixedPlan = await (await rep.SendWithIfMatchAsync(HttpMethod.Put, $"{Plans}/{draft.Id}", Plan(day, customers[0], customers[2]), returned.Version)).ReadAsync<VisitPlanDto>();
        var resubmitted = await (await StepAsync(rep, fixedPlan, "submit")).ReadAsync<VisitPlanDto>();
        var inbox = await (await manager.GetAsync($"{Plans}?status=submitted")).ReadAsync<List<VisitPlanDto>>();
        inbox.Should().ContainSingle(p => p.Id == draft.Id);
        (await StepAsync(manager, resubmitted, "approve", version: returned.Version)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        var approved = await (await StepAsync(manager, resubmitted, "approve")).ReadAsync<VisitPlanDto>();
        approved.Should().BeEquivalentTo(new { Status = PlanStatus.Approved, ReturnComment = (string?)null, AmendedAt = (DateTimeOffset?)null });

        var amended = await (await rep.SendWithIfMatchAsync(HttpMethod.Put, $"{Plans}/{draft.Id}", Plan(day, customers[0], customers[1], customers[2]), approved.Version))
            .ReadAsync<VisitPlanDto>();
        amended.Status.Should().Be(PlanStatus.Approved, "an approved plan stays approved");
        amended.AmendedAt.Should().NotBeNull("the manager sees the amendment");
        (await (await manager.GetAsync($"{Plans}?status=approved&amended=true")).ReadAsync<List<VisitPlanDto>>()).Should().ContainSingle(p => p.Id == draft.Id);
        var acknowledged = await (await StepAsync(manager, amended, "acknowledge")).ReadAsync<VisitPlanDto>();
        acknowledged.AmendedAt.Should().BeNull();
        (await StepAsync(manager, acknowledged, "acknowledge")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Another_team_never_sees_a_plan_a_director_signs_off_any_and_a_plan_holds_only_customers_its_rep_can_see()
    {
        var rep = await app.LoginAsync(DemoUsers.RepWest);
        var customer = await rep.NewCustomerAsync("拜访 西区商行");
        var plan = await (await rep.PostJsonAsync(Plans, Plan(new DateOnly(2030, 4, 1), customer))).ReadAsync<VisitPlanDto>(HttpStatusCode.Created);
        var submitted = await (await StepAsync(rep, plan, "submit")).ReadAsync<VisitPlanDto>();

        var otherManager = await app.LoginAsync(DemoUsers.ManagerEast);
        (await otherManager.GetAsync($"{Plans}/{plan.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await StepAsync(otherManager, submitted, "approve")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await otherManager.GetAsync($"{Plans}?status=submitted")).ReadAsync<List<VisitPlanDto>>()).Should().NotContain(p => p.Id == plan.Id);
        var otherRep = await app.LoginAsync(DemoUsers.RepEast);
        await (await otherRep.PostJsonAsync(Plans, Plan(new DateOnly(2030, 4, 1), customer))).ShouldHaveFieldErrorAsync("visits[0].customerId", HttpStatusCode.UnprocessableEntity);

        var director = await app.LoginAsync(DemoUsers.Director);
        (await StepAsync(director, submitted, "submit")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the rep submits their plan");
        (await (await StepAsync(director, submitted, "approve")).ReadAsync<VisitPlanDto>()).Status.Should().Be(PlanStatus.Approved);
        await (await rep.PostJsonAsync(Plans, new { day = "2030-04-02", visits = new[] { new { customerId = customer.Id, purpose = "takeOrder", from = "10:00", to = "09:00" } } }))
            .ShouldHaveFieldErrorAsync("visits[0].to");
        await (await rep.PostJsonAsync(Plans, Plan(new DateOnly(2030, 4, 3), customer, customer))).ShouldHaveFieldErrorAsync("visits[1].customerId");
        foreach (var (url, field) in new[]
        {
            ("/api/v1/visits/reports/draft?day=0001-01-01", "day"), ("/api/v1/visits/plans/suggestions?day=9999-12-31", "day"),
            ("/api/v1/visits/records?from=0001-01-01&to=0001-01-02", "from"), ($"{Plans}?day=9999-12-31", "day"), ("/api/v1/visits/confirmations?day=0001-01-01", "day"),
        })
        {
            await (await rep.GetAsync(url)).ShouldHaveFieldErrorAsync(field);
        }

        await (await rep.PostJsonAsync("/api/v1/visits/weekly-reports/compile", new { weekStart = "0001-01-01" })).ShouldHaveFieldErrorAsync("weekStart");
    }

    private static object Plan(DateOnly day, params CustomerDto[] customers) => new
    {
        day,
        visits = customers.Select((c, i) => new { customerId = c.Id, area = "浦东", from = $"{9 + i:00}:00", to = $"{10 + i:00}:00", purpose = i == 0 ? "collectPayment" : "developCustomer", notes = "带新品目录" }).ToArray(),
    };

    private static Task<HttpResponseMessage> StepAsync(HttpClient client, VisitPlanDto plan, string step, uint? version = null) =>
        client.SendWithIfMatchAsync(HttpMethod.Post, $"{Plans}/{plan.Id}/{step}", null, version ?? plan.Version);
}
