using System.Net;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.Identity.Features;
using CrmPlatform.Visits.Domain;
using CrmPlatform.Visits.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

using static CrmPlatform.Visits.Tests.VisitRequests;

namespace CrmPlatform.Visits.Tests;

/// <summary>约访: tomorrow's planned visits are confirmed, moved, cancelled or missed, and what the lost ones cost is counted per rep.</summary>
public sealed class ConfirmationTests(CrmApp app) : DayBoundTests, IClassFixture<CrmApp>
{
    private const string Plans = "/api/v1/visits/plans";
    private const string Confirmations = "/api/v1/visits/confirmations";

    [Fact]
    public async Task Tomorrows_visits_are_confirmed_rescheduled_or_cancelled_by_the_rep_or_their_manager_and_a_no_show_waits_for_the_day()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var customers = await Task.WhenAll(new[] { "约访 甲", "约访 乙", "约访 丙" }.Select(name => rep.NewCustomerAsync(name)));
        var tomorrow = ChinaDay.Today().AddDays(1);
        var plan = await (await rep.PostJsonAsync(Plans, Plan(tomorrow, customers))).ReadAsync<VisitPlanDto>(HttpStatusCode.Created);

        var list = await (await rep.GetAsync(Confirmations)).ReadAsync<List<AppointmentDto>>();
        list.Select(a => a.CustomerName).Should().Equal("约访 甲", "约访 乙", "约访 丙");
        list.Should().AllSatisfy(a => a.Confirmation.Should().BeNull());

        var confirmed = await (await rep.PostJsonAsync(Confirmations, new { planId = plan.Id, customerId = customers[0].Id, status = "confirmed" })).ReadAsync<ConfirmationDto>(HttpStatusCode.Created);
        confirmed.Should().BeEquivalentTo(new { Status = ConfirmationStatus.Confirmed, LostMinutes = 0, LostCost = 0m });
        (await rep.PostJsonAsync(Confirmations, new { planId = plan.Id, customerId = customers[0].Id, status = "confirmed" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        await (await rep.PostJsonAsync(Confirmations, new { planId = plan.Id, customerId = customers[1].Id, status = "cancelled" })).ShouldHaveFieldErrorAsync("reason");
        await (await rep.PostJsonAsync(Confirmations, new { planId = plan.Id, customerId = customers[1].Id, status = "rescheduled", reason = "老板出差" })).ShouldHaveFieldErrorAsync("rescheduledTo");
        await (await rep.PostJsonAsync(Confirmations, new { planId = plan.Id, customerId = customers[1].Id, status = "confirmed", lostCost = 5 })).ShouldHaveFieldErrorAsync("lostCost");
        await (await rep.PostJsonAsync(Confirmations, new { planId = plan.Id, customerId = customers[2].Id, status = "noShow", reason = "没人" }))
            .ShouldHaveFieldErrorAsync("status", HttpStatusCode.UnprocessableEntity);
        var stranger = await rep.NewCustomerAsync("约访 不在计划");
        await (await rep.PostJsonAsync(Confirmations, new { planId = plan.Id, customerId = stranger.Id, status = "confirmed" }))
            .ShouldHaveFieldErrorAsync("customerId", HttpStatusCode.UnprocessableEntity);
        var otherTeam = await app.LoginAsync(DemoUsers.RepWest);
        await (await otherTeam.PostJsonAsync(Confirmations, new { planId = plan.Id, customerId = customers[1].Id, status = "confirmed" }))
            .ShouldHaveFieldErrorAsync("planId", HttpStatusCode.UnprocessableEntity);

        var moved = await (await manager.PostJsonAsync(Confirmations, new { planId = plan.Id, customerId = customers[1].Id, status = "rescheduled", reason = "老板出差", rescheduledTo = tomorrow.AddDays(3) }))
            .ReadAsync<ConfirmationDto>(HttpStatusCode.Created);
        moved.RescheduledTo.Should().Be(tomorrow.AddDays(3), "the rep's manager confirms visits too (约访专员)");

        (await rep.SendWithIfMatchAsync(HttpMethod.Put, $"{Confirmations}/{confirmed.Id}", new { status = "cancelled", reason = "x" }, confirmed.Version + 1))
            .StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        var cancelled = await (await rep.SendWithIfMatchAsync(HttpMethod.Put, $"{Confirmations}/{confirmed.Id}", new { status = "cancelled", reason = "客户临时取消", lostCost = 20 }, confirmed.Version))
            .ReadAsync<ConfirmationDto>();
        cancelled.Should().BeEquivalentTo(new { Status = ConfirmationStatus.Cancelled, Reason = "客户临时取消", LostMinutes = 0, LostCost = 20m });
        (await otherTeam.SendWithIfMatchAsync(HttpMethod.Put, $"{Confirmations}/{confirmed.Id}", new { status = "confirmed" }, cancelled.Version))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);

        var after = await (await manager.GetAsync($"{Confirmations}?day={tomorrow:yyyy-MM-dd}")).ReadAsync<List<AppointmentDto>>();
        after.Select(a => a.Confirmation?.Status).Should().Equal(ConfirmationStatus.Cancelled, ConfirmationStatus.Rescheduled, null);
        (await (await otherTeam.GetAsync(Confirmations)).ReadAsync<List<AppointmentDto>>()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_no_show_costs_its_planned_slot_unless_told_otherwise_and_the_losses_add_up_per_rep()
    {
        var rep = await app.LoginAsync(DemoUsers.RepWest);
        var customers = await Task.WhenAll(new[] { "失约 甲", "失约 乙", "失约 丙" }.Select(name => rep.NewCustomerAsync(name)));
        var today = ChinaDay.Today();
        var plan = await (await rep.PostJsonAsync(Plans, Plan(today, customers))).ReadAsync<VisitPlanDto>(HttpStatusCode.Created);

        var noShow = await (await rep.PostJsonAsync(Confirmations, new { planId = plan.Id, customerId = customers[0].Id, status = "noShow", reason = "到店无人", lostCost = 35.5 }))
            .ReadAsync<ConfirmationDto>(HttpStatusCode.Created);
        noShow.Should().BeEquivalentTo(new { LostMinutes = 60, LostCost = 35.5m }, "the slot was 09:00–10:00");
        (await rep.PostJsonAsync(Confirmations, new { planId = plan.Id, customerId = customers[1].Id, status = "noShow", reason = "改天", lostMinutes = 25 })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await rep.PostJsonAsync(Confirmations, new { planId = plan.Id, customerId = customers[2].Id, status = "cancelled", reason = "客户取消", lostCost = 10 })).StatusCode.Should().Be(HttpStatusCode.Created);

        var losses = await (await rep.GetAsync($"{Confirmations}/losses?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).ReadAsync<List<ConfirmationLossDto>>();
        losses.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            RepName = "刘洋", Planned = 3, Confirmed = 0, Rescheduled = 0, Cancelled = 1, NoShows = 2, LostMinutes = 85, LostCost = 45.5m,
        });
        var director = await app.LoginAsync(DemoUsers.Director);
        (await (await director.GetAsync($"{Confirmations}/losses?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).ReadAsync<List<ConfirmationLossDto>>())
            .Should().Contain(l => l.RepName == "刘洋");
        var otherManager = await app.LoginAsync(DemoUsers.ManagerEast);
        (await (await otherManager.GetAsync($"{Confirmations}/losses?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).ReadAsync<List<ConfirmationLossDto>>())
            .Should().NotContain(l => l.RepName == "刘洋");
        await (await rep.GetAsync($"{Confirmations}/losses?from={today:yyyy-MM-dd}&to={today.AddDays(100):yyyy-MM-dd}")).ShouldHaveFieldErrorAsync("to");
    }

    [Fact]
    public async Task At_four_in_the_afternoon_in_Beijing_each_rep_is_told_once_how_many_of_tomorrows_visits_wait_for_confirmation()
    {
        // 2031-05-05T07:59:59Z is 15:59:59 on 5 May in Beijing; the plan is for the 6th.
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customers = await Task.WhenAll(new[] { "提醒 甲", "提醒 乙" }.Select(name => rep.NewCustomerAsync(name)));
        var plan = await (await rep.PostJsonAsync(Plans, Plan(new DateOnly(2031, 5, 6), customers))).ReadAsync<VisitPlanDto>(HttpStatusCode.Created);
        (await rep.PostJsonAsync(Confirmations, new { planId = plan.Id, customerId = customers[0].Id, status = "confirmed" })).StatusCode.Should().Be(HttpStatusCode.Created);
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 5, 5, 7, 59, 59, TimeSpan.Zero));
        var runner = new DailyJobRunner(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<DailyJobRunner>.Instance);

        (await runner.RunDueAsync(CancellationToken.None)).Should().NotContain("visits.confirm-tomorrow");
        clock.Advance(TimeSpan.FromSeconds(1));
        (await runner.RunDueAsync(CancellationToken.None)).Should().Contain("visits.confirm-tomorrow");
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetServices<IDailyJob>().Single(j => j.Name == "visits.confirm-tomorrow").RunAsync(new DateOnly(2031, 5, 5), CancellationToken.None);
        }

        await Eventually.HoldsAsync(async () => (await RemindersAsync(rep)).Count > 0, "the outbox delivers the reminder");
        await Task.Delay(500);
        (await RemindersAsync(rep)).Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Link = "/visits/confirmations?day=2031-05-06",
            Data = new Dictionary<string, string> { ["date"] = "2031-05-06", ["count"] = "1" },
        });
    }

    private static async Task<List<NotificationDto>> RemindersAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/v1/me/notifications?limit=200")).ReadAsync<Page<NotificationDto>>()).Items.Where(n => n.Topic == "visits.confirmTomorrow")];
}
