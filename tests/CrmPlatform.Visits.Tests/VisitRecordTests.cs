using System.Net;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Features;
using CrmPlatform.Visits.Features;

namespace CrmPlatform.Visits.Tests;

/// <summary>A visit as it happened: check-in (with a location when the browser gives one), check-out, and the customer's timeline.</summary>
public sealed class VisitRecordTests(CrmApp app) : IClassFixture<CrmApp>
{
    private const string Visits = "/api/v1/visits/records";

    [Fact]
    public async Task A_rep_checks_in_and_out_and_the_visit_reaches_the_customers_timeline_once_with_its_length()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await (await rep.PostJsonAsync("/api/v1/customers?confirmDuplicate=true", new { name = "拜访 签到商行", kind = "company", stage = "intent", relationshipLevel = 1 }))
            .ReadAsync<CustomerDto>(HttpStatusCode.Created);

        var checkedIn = await (await rep.PostJsonAsync($"{Visits}/check-in", new { customerId = customer.Id, purpose = "takeOrder", location = new { latitude = 31.2304, longitude = 121.4737, accuracyMeters = 35 } }))
            .ReadAsync<VisitRecordDto>(HttpStatusCode.Created);
        checkedIn.CheckInLocation.Should().BeEquivalentTo(new { Latitude = 31.2304, Longitude = 121.4737, AccuracyMeters = 35.0 });
        var noLocation = await (await rep.PostJsonAsync($"{Visits}/check-in", new { customerId = customer.Id, purpose = "service" })).ReadAsync<VisitRecordDto>(HttpStatusCode.Created);
        noLocation.CheckInLocation.Should().BeNull("the location is never required");
        await (await rep.PostJsonAsync($"{Visits}/check-in", new { customerId = customer.Id, purpose = "service", location = new { latitude = 91, longitude = 0, accuracyMeters = 5 } }))
            .ShouldHaveFieldErrorAsync("location.latitude");

        var outsider = await app.LoginAsync(DemoUsers.RepWest);
        await (await outsider.PostJsonAsync($"{Visits}/check-in", new { customerId = customer.Id, purpose = "service" })).ShouldHaveFieldErrorAsync("customerId", HttpStatusCode.UnprocessableEntity);
        (await CheckOutAsync(outsider, checkedIn, new { outcome = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await (await CheckOutAsync(rep, checkedIn, new { outcome = "" })).ShouldHaveFieldErrorAsync("outcome");

        var deal = await (await rep.PostJsonAsync("/api/v1/deals", new { customerId = customer.Id, title = "拜访 矿泉水年度供货", amount = 9_000m })).ReadAsync<Deals.Features.DealDto>(HttpStatusCode.Created);
        var otherCustomer = await rep.NewCustomerAsync("拜访 别家商行");
        var otherDeal = await (await rep.PostJsonAsync("/api/v1/deals", new { customerId = otherCustomer.Id, title = "别家的单", amount = 1_000m })).ReadAsync<Deals.Features.DealDto>(HttpStatusCode.Created);
        await (await CheckOutAsync(rep, checkedIn, new { outcome = "x", dealId = otherDeal.Id })).ShouldHaveFieldErrorAsync("dealId", HttpStatusCode.UnprocessableEntity);
        var done = await (await CheckOutAsync(rep, checkedIn, new { outcome = "订了二十箱矿泉水", nextStep = "下周送货", cost = 35.5m, ordered = true, dealId = deal.Id })).ReadAsync<VisitRecordDto>();
        done.Should().BeEquivalentTo(new { Outcome = "订了二十箱矿泉水", Cost = 35.5m, DurationMinutes = 1, Ordered = true, DealId = deal.Id, DealTitle = "拜访 矿泉水年度供货" });
        (await CheckOutAsync(rep, done, new { outcome = "again" })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        await Eventually.HoldsAsync(
            async () => (await TimelineAsync(rep, customer.Id)).Any(e => e.Source == "visits"),
            "the completed visit reaches the customer's timeline");
        var entry = (await TimelineAsync(rep, customer.Id)).Single(e => e.Source == "visits");
        entry.Should().BeEquivalentTo(new { Kind = InteractionKind.Visit, Summary = "订了二十箱矿泉水", NextStep = "下周送货", DurationMinutes = 1, RecordedByName = "张伟" });

        var today = await (await rep.GetAsync(Visits)).ReadAsync<List<VisitRecordDto>>();
        today.Select(v => v.Id).Should().Equal(checkedIn.Id, noLocation.Id);
        (await (await outsider.GetAsync(Visits)).ReadAsync<List<VisitRecordDto>>()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_visit_about_a_complaint_is_kept_on_the_complaint_as_what_the_customer_was_told_in_person()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.NewCustomerAsync("拜访 投诉回访");
        var otherCustomer = await rep.NewCustomerAsync("拜访 投诉别家");
        async Task<Complaints.Features.ComplaintDto> ComplaintAsync(Guid customerId, string title) =>
            await (await rep.PostJsonAsync("/api/v1/complaints", new { customerId, channel = "phone", severity = "major", title, description = "到货破损" }))
                .ReadAsync<Complaints.Features.ComplaintDto>(HttpStatusCode.Created);
        var complaint = await ComplaintAsync(customer.Id, "到货破损");
        var elsewhere = await ComplaintAsync(otherCustomer.Id, "别家的投诉");
        var closed = await ComplaintAsync(customer.Id, "已结案的投诉");
        foreach (var (step, body) in new (string, object?)[] { ("investigate", null), ("propose", new { kind = "explain", description = "非质量问题" }), ("resolve", null), ("close", new { }) })
        {
            closed = await (await rep.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/complaints/{closed.Id}/{step}", body, closed.Version)).ReadAsync<Complaints.Features.ComplaintDto>();
        }

        var visit = await (await rep.PostJsonAsync($"{Visits}/check-in", new { customerId = customer.Id, purpose = "complaintHandling" })).ReadAsync<VisitRecordDto>(HttpStatusCode.Created);
        foreach (var refused in new[] { elsewhere.Id, closed.Id, Guid.NewGuid() })
        {
            await (await CheckOutAsync(rep, visit, new { outcome = "x", complaintId = refused })).ShouldHaveFieldErrorAsync("complaintId", HttpStatusCode.UnprocessableEntity);
        }

        var done = await (await CheckOutAsync(rep, visit, new { outcome = "当面致歉，约定周五补发", complaintId = complaint.Id })).ReadAsync<VisitRecordDto>();
        done.Should().BeEquivalentTo(new { ComplaintId = (Guid?)complaint.Id, ComplaintTitle = "到货破损" });

        async Task<List<Complaints.Features.ComplaintStepDto>> StepsAsync() =>
            await (await rep.GetAsync($"/api/v1/complaints/{complaint.Id}/steps")).ReadAsync<List<Complaints.Features.ComplaintStepDto>>();
        await Eventually.HoldsAsync(async () => (await StepsAsync()).Any(s => s.Kind == Complaints.Domain.ComplaintStepKind.CustomerUpdated), "the visit reaches the complaint");
        (await StepsAsync()).Single(s => s.Kind == Complaints.Domain.ComplaintStepKind.CustomerUpdated)
            .Should().BeEquivalentTo(new { Channel = (Complaints.Domain.ComplaintChannel?)Complaints.Domain.ComplaintChannel.Visit, Note = "当面致歉，约定周五补发", ByName = "张伟" });
    }

    private static Task<HttpResponseMessage> CheckOutAsync(HttpClient client, VisitRecordDto visit, object body) =>
        client.SendWithIfMatchAsync(HttpMethod.Post, $"{Visits}/{visit.Id}/check-out", body, visit.Version);

    private static async Task<IReadOnlyList<InteractionDto>> TimelineAsync(HttpClient client, Guid customerId) =>
        (await (await client.GetAsync($"/api/v1/customers/{customerId}/interactions")).ReadAsync<Page<InteractionDto>>()).Items;
}
