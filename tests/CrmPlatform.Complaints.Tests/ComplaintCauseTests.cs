using System.Net;
using System.Net.Http.Json;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Complaints.Features;
using static CrmPlatform.Complaints.Tests.ComplaintRequests;

namespace CrmPlatform.Complaints.Tests;

/// <summary>Root causes from a list service staff keep, the action against recurrence tracked to done, and what the customer was told.</summary>
public sealed class ComplaintCauseTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task The_cause_list_starts_with_six_categories_and_only_service_staff_directors_and_admins_keep_it()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        (await (await rep.GetAsync("/api/v1/complaints/causes")).ReadAsync<List<ComplaintCauseDto>>()).Select(c => c.Key)
            .Should().StartWith(["productQuality", "delivery", "serviceAttitude", "priceBilling", "documentation", "other"]);
        (await rep.PostJsonAsync("/api/v1/complaints/causes", new { key = "packaging", name = "包装", englishName = "Packaging" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var service = await app.LoginAsync(DemoUsers.Service);
        (await (await service.PostJsonAsync("/api/v1/complaints/causes", new { key = "packaging", name = "包装", englishName = "Packaging" })).ReadAsync<ComplaintCauseDto>(HttpStatusCode.Created))
            .Should().Be(new ComplaintCauseDto("packaging", "包装", "Packaging", true));
        await (await service.PostJsonAsync("/api/v1/complaints/causes", new { key = "packaging", name = "包装", englishName = "Packaging" })).ShouldHaveFieldErrorAsync("key", HttpStatusCode.UnprocessableEntity);
        await (await service.PostJsonAsync("/api/v1/complaints/causes", new { key = "9 bad", name = "x", englishName = "x" })).ShouldHaveFieldErrorAsync("key");
        (await service.PutAsJsonAsync("/api/v1/complaints/causes/nothing", new { name = "x", englishName = "x", active = true })).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // A retired category is no longer chosen.
        var customer = await rep.NewCustomerAsync("投诉 原因 退役");
        var complaint = await rep.ReceiveAsync(Intake(customer.Id));
        (await service.PutAsJsonAsync("/api/v1/complaints/causes/packaging", new { name = "包装破损", englishName = "Packaging", active = false })).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await rep.StepAsync(complaint, "cause", new { causeKey = "packaging" })).ShouldHaveFieldErrorAsync("causeKey", HttpStatusCode.UnprocessableEntity);
        await (await rep.StepAsync(complaint, "cause", new { causeKey = "noSuchCause" })).ShouldHaveFieldErrorAsync("causeKey", HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_cause_is_named_prevention_is_planned_and_done_and_every_word_to_the_customer_is_kept()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var repMe = await rep.MeAsync();
        var customer = await rep.NewCustomerAsync("投诉 原因 预防");
        var complaint = await rep.ReceiveAsync(Intake(customer.Id));

        await (await rep.StepAsync(complaint, "prevention", new { action = "更换外箱供应商", ownerId = repMe.Id, dueOn = "2031-01-15" }))
            .ShouldHaveFieldErrorAsync("causeKey", HttpStatusCode.UnprocessableEntity);
        await (await rep.StepAsync(complaint, "prevention/done")).ShouldHaveFieldErrorAsync("preventionAction", HttpStatusCode.UnprocessableEntity);

        var caused = await rep.StepOkAsync(complaint, "cause", new { causeKey = "delivery", note = "承运商野蛮装卸" });
        caused.Should().BeEquivalentTo(new { CauseKey = "delivery", CauseNote = "承运商野蛮装卸", Status = ComplaintStatus.Received });
        await (await rep.StepAsync(caused, "prevention", new { action = "换承运商", ownerId = Guid.NewGuid(), dueOn = "2031-01-15" }))
            .ShouldHaveFieldErrorAsync("ownerId", HttpStatusCode.UnprocessableEntity);
        await (await rep.StepAsync(caused, "prevention", new { action = " ", ownerId = repMe.Id, dueOn = "2031-01-15" })).ShouldHaveFieldErrorAsync("action");
        var planned = await rep.StepOkAsync(caused, "prevention", new { action = "换承运商并加固外箱", ownerId = repMe.Id, dueOn = "2031-01-15" });
        planned.Should().BeEquivalentTo(new { PreventionAction = "换承运商并加固外箱", PreventionOwnerId = repMe.Id, PreventionOwnerName = "张伟", PreventionDueOn = new DateOnly(2031, 1, 15), PreventionDoneAt = (DateTimeOffset?)null });
        var done = await rep.StepOkAsync(planned, "prevention/done");
        done.PreventionDoneAt.Should().NotBeNull();
        await (await rep.StepAsync(done, "prevention/done")).ShouldHaveFieldErrorAsync("preventionDoneAt", HttpStatusCode.UnprocessableEntity);

        var told = await rep.StepOkAsync(done, "updates", new { channel = "phone", note = "已告知客户补发安排，明日到货" });
        await (await rep.StepAsync(told, "updates", new { channel = "phone", note = "" })).ShouldHaveFieldErrorAsync("note");
        var steps = await (await rep.GetAsync($"/api/v1/complaints/{complaint.Id}/steps")).ReadAsync<List<ComplaintStepDto>>();
        steps.Select(s => s.Kind).Should().Equal(
            ComplaintStepKind.Received, ComplaintStepKind.CauseFound, ComplaintStepKind.PreventionPlanned, ComplaintStepKind.PreventionDone, ComplaintStepKind.CustomerUpdated);
        steps[^1].Should().BeEquivalentTo(new { Channel = (ComplaintChannel?)ComplaintChannel.Phone, Note = "已告知客户补发安排，明日到货", ByName = "张伟" });

        (await (await rep.GetAsync($"/api/v1/complaints?cause=delivery&customerId={customer.Id}")).ReadAsync<Page<ComplaintDto>>()).Items.Should().ContainSingle();
        (await (await rep.GetAsync($"/api/v1/complaints?cause=productQuality&customerId={customer.Id}")).ReadAsync<Page<ComplaintDto>>()).Items.Should().BeEmpty();

        // Once closed, the customer is not followed up any more.
        var closed = await rep.StepOkAsync(
            await rep.StepOkAsync(await rep.StepOkAsync(await rep.StepOkAsync(told, "investigate"), "propose", new { kind = "repair", description = "返修" }), "resolve"), "close", new { });
        await (await rep.StepAsync(closed, "updates", new { channel = "email", note = "回访" })).ShouldHaveFieldErrorAsync("status", HttpStatusCode.UnprocessableEntity);
    }
}
