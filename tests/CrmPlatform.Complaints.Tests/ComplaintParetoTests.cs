using CrmPlatform.Complaints.Features;
using static CrmPlatform.Complaints.Tests.ComplaintRequests;

namespace CrmPlatform.Complaints.Tests;

/// <summary>
/// Pareto and the SLA figures against values worked out by hand: six complaints of general customers (major: 72 h) received
/// on Monday 3 March 2031 at 09:00 in China, worked on a clock the test moves.
/// </summary>
public sealed class ComplaintParetoTests(ClockedCrmApp app) : IClassFixture<ClockedCrmApp>
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2031, 3, 3, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    [Fact]
    public async Task Causes_are_counted_costed_and_cumulated_the_vital_few_marked_and_the_sla_figures_match_a_hand_count()
    {
        var rep = await AtAsync(0);
        var customer = await rep.NewCustomerAsync("投诉 帕累托");
        var c = new ComplaintDto[6];
        for (var i = 0; i < c.Length; i++)
        {
            c[i] = await rep.ReceiveAsync(Intake(customer.Id, "major", $"帕累托 {i + 1}"));
        }

        // Causes: quality ×3 (C1, C2, C4), delivery (C3), service attitude (C6); C5 has none yet.
        string[] causes = ["productQuality", "productQuality", "delivery", "productQuality", "", "serviceAttitude"];
        for (var i = 0; i < c.Length; i++)
        {
            if (causes[i].Length > 0)
            {
                c[i] = await rep.StepOkAsync(c[i], "cause", new { causeKey = causes[i] });
            }
        }

        // +2 h: C1–C3 acknowledged (2 h each).
        rep = await AtAsync(2);
        for (var i = 0; i < 3; i++)
        {
            c[i] = await rep.StepOkAsync(c[i], "acknowledge", new { via = "phone" });
        }

        // +10 h: C1 (¥100), C3 (¥50) and C6 (¥0, explained) resolved within their 72 h.
        rep = await AtAsync(10);
        c[0] = await ResolveAsync(rep, c[0], "repair", 100m);
        c[2] = await ResolveAsync(rep, c[2], "negotiatedRemedy", 50m);
        c[5] = await ResolveAsync(rep, c[5], "explain", 0m);

        // +11 h C3 reopened, +12 h resolved again (¥50 still), and a refund proposed for C2 (¥300); +80 h C2 resolved, 8 h late.
        rep = await AtAsync(11);
        c[2] = await rep.StepOkAsync(c[2], "reopen", new { reason = "客户不满意" });
        rep = await AtAsync(12);
        c[2] = await rep.StepOkAsync(await rep.StepOkAsync(c[2], "propose", new { kind = "negotiatedRemedy", description = "再协商", cost = 50m }), "resolve");
        c[1] = await rep.StepOkAsync(await rep.StepOkAsync(c[1], "investigate"), "propose", new { kind = "returnOrRefund", description = "退款", cost = 300m });
        rep = await AtAsync(80);
        // The host's own job runner ticks on this clock too: C2's breach is recorded first, then C2 is read again.
        await Eventually.HoldsAsync(async () => (await (await rep.GetAsync($"/api/v1/complaints/{c[1].Id}")).ReadAsync<ComplaintDto>()).BreachedAt is not null, "the SLA watch records C2's breach");
        c[1] = await rep.StepOkAsync(await (await rep.GetAsync($"/api/v1/complaints/{c[1].Id}")).ReadAsync<ComplaintDto>(), "resolve");

        var pareto = await (await rep.GetAsync("/api/v1/complaints/pareto?from=2031-03-01&to=2031-03-31")).ReadAsync<ComplaintParetoDto>();
        pareto.Should().BeEquivalentTo(new { Total = 6, TotalCost = 450m, Uncaused = 1 });
        pareto.Causes.Should().BeEquivalentTo(
            [
                new ParetoCauseDto("productQuality", "产品质量", "Product quality", 3, 400m, 60.0m, 60.0m, Vital: true),
                new ParetoCauseDto("delivery", "交货物流", "Delivery", 1, 50m, 20.0m, 80.0m, Vital: true),
                new ParetoCauseDto("serviceAttitude", "服务态度", "Service attitude", 1, 0m, 20.0m, 100.0m, Vital: false),
            ],
            options => options.WithStrictOrdering(),
            "largest first, a tie by cost; the vital few are the causes reached before 80 % is made up");
        pareto.Sla.Should().Be(new SlaFiguresDto(
            Received: 6, Acknowledged: 3, AverageHoursToAcknowledge: 2.0m, Resolved: 4, ResolvedOnTime: 3, OnTimeRate: 75.0m,
            AverageHoursToResolve: 28.0m, Reopened: 1, ReopenRate: 16.7m));

        (await (await rep.GetAsync("/api/v1/complaints/pareto?from=2031-04-01&to=2031-04-30")).ReadAsync<ComplaintParetoDto>())
            .Should().BeEquivalentTo(new { Total = 0, Causes = Array.Empty<ParetoCauseDto>(), Sla = new { Received = 0, OnTimeRate = (decimal?)null } });
        var other = await (await app.LoginAsync(DemoUsers.RepWest)).GetAsync("/api/v1/complaints/pareto?from=2031-03-01&to=2031-03-31");
        (await other.ReadAsync<ComplaintParetoDto>()).Total.Should().Be(0, "a rep of another team sees none of these complaints");
        await (await rep.GetAsync("/api/v1/complaints/pareto?from=2031-03-31&to=2031-03-01")).ShouldHaveFieldErrorAsync("to");
    }

    private static async Task<ComplaintDto> ResolveAsync(HttpClient rep, ComplaintDto complaint, string kind, decimal cost) =>
        await rep.StepOkAsync(await rep.StepOkAsync(await rep.StepOkAsync(complaint, "investigate"), "propose", new { kind, description = "处理", cost }), "resolve");

    private async Task<HttpClient> AtAsync(int hours)
    {
        app.Clock.SetUtcNow(Start.AddHours(hours));
        app.ForgetSignIns();
        return await app.LoginAsync(DemoUsers.RepEast);
    }
}
