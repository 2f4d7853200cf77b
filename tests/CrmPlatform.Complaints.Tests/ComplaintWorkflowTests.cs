using System.Net;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Complaints.Features;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Features;
using static CrmPlatform.Complaints.Tests.ComplaintRequests;

namespace CrmPlatform.Complaints.Tests;

/// <summary>
/// 客户投诉制度 over HTTP: intake, acknowledgement with the promised time, the procedure with its forbidden steps, owners,
/// and who sees which complaint.
/// </summary>
public sealed class ComplaintWorkflowTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task A_key_customers_complaint_goes_from_intake_to_close_through_a_reopening_and_keeps_every_step()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.NewCustomerAsync("投诉 重点客户", importance: "key");
        var service = await app.LoginAsync(DemoUsers.Service);
        var serviceMe = await service.MeAsync();

        var received = await service.ReceiveAsync(Intake(customer.Id, severity: "critical"));
        received.Should().BeEquivalentTo(new
        {
            CustomerId = customer.Id, CustomerName = "投诉 重点客户", KeyCustomer = true, Status = ComplaintStatus.Received, OwnerId = serviceMe.Id,
            Channel = ComplaintChannel.Phone, Severity = ComplaintSeverity.Critical, AcknowledgedAt = (DateTimeOffset?)null, ReopenCount = 0,
        });
        received.PromisedAt.Should().Be(received.ReceivedAt.AddHours(24), "a key customer's critical complaint is due in 24 h from intake");
        await Eventually.HoldsAsync(
            async () => (await (await rep.GetAsync($"/api/v1/customers/{customer.Id}/interactions")).ReadAsync<Page<InteractionDto>>()).Items
                .Any(i => i.Kind == InteractionKind.Complaint && i.Summary == "包装破损" && i.Source == "complaints"),
            "the complaint is on the customer's timeline");

        // Acknowledged: without If-Match 428, at an old version 412; the customer is promised the SLA's time.
        (await service.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/complaints/{received.Id}/acknowledge", new { via = "phone" }, null))
            .StatusCode.Should().Be(HttpStatusCode.PreconditionRequired);
        (await service.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/complaints/{received.Id}/acknowledge", new { via = "phone" }, received.Version + 1))
            .StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        var acknowledged = await service.StepOkAsync(received, "acknowledge", new { via = "phone" });
        acknowledged.PromisedAt.Should().Be(received.ReceivedAt.AddHours(24));
        await (await service.StepAsync(acknowledged, "acknowledge", new { via = "email" })).ShouldHaveFieldErrorAsync("acknowledgedAt", HttpStatusCode.UnprocessableEntity);

        // Steps out of turn are refused, naming the status.
        await (await service.StepAsync(acknowledged, "resolve")).ShouldHaveFieldErrorAsync("status", HttpStatusCode.UnprocessableEntity);
        await (await service.StepAsync(acknowledged, "propose", new { kind = "repair", description = "返厂维修" })).ShouldHaveFieldErrorAsync("status", HttpStatusCode.UnprocessableEntity);
        await (await service.StepAsync(acknowledged, "close", new { })).ShouldHaveFieldErrorAsync("status", HttpStatusCode.UnprocessableEntity);
        await (await service.StepAsync(acknowledged, "reopen", new { reason = "x" })).ShouldHaveFieldErrorAsync("status", HttpStatusCode.UnprocessableEntity);

        var investigating = await service.StepOkAsync(acknowledged, "investigate");
        var proposed = await service.StepOkAsync(investigating, "propose", new { kind = "goodwillGift", description = "补发三箱并赠送一箱新品", cost = 680.5m });
        proposed.Should().BeEquivalentTo(new { Status = ComplaintStatus.ResolutionProposed, ResolutionKind = ResolutionKind.GoodwillGift, ResolutionCost = 680.5m });
        var resolved = await service.StepOkAsync(proposed, "resolve");
        resolved.ResolvedAt.Should().NotBeNull();

        // The customer is not satisfied: reopened with its history, it is investigated again and counts as reopened.
        await (await service.StepAsync(resolved, "reopen", new { reason = "  " })).ShouldHaveFieldErrorAsync("reason");
        var reopened = await service.StepOkAsync(resolved, "reopen", new { reason = "客户称补发货物仍有破损" });
        reopened.Should().BeEquivalentTo(new { Status = ComplaintStatus.Investigating, ReopenCount = 1, ResolvedAt = (DateTimeOffset?)null });
        reopened.PromisedAt.Should().BeAfter(resolved.ResolvedAt!.Value.AddHours(23), "a reopening promises the SLA's 24 h again, from the reopening");
        var refund = await service.StepOkAsync(reopened, "propose", new { kind = "returnOrRefund", description = "整批退货退款", cost = 3_200m });
        var closed = await service.StepOkAsync(await service.StepOkAsync(refund, "resolve"), "close", new { note = "客户确认满意" });
        closed.Should().BeEquivalentTo(new { Status = ComplaintStatus.Closed, ReopenCount = 1, ResolutionKind = ResolutionKind.ReturnOrRefund, ResolutionCost = 3_200m });
        await (await service.StepAsync(closed, "close", new { })).ShouldHaveFieldErrorAsync("status", HttpStatusCode.UnprocessableEntity);
        await (await service.StepAsync(closed, "assign", new { ownerId = serviceMe.Id })).ShouldHaveFieldErrorAsync("status", HttpStatusCode.UnprocessableEntity);

        var steps = await (await rep.GetAsync($"/api/v1/complaints/{received.Id}/steps")).ReadAsync<List<ComplaintStepDto>>();
        steps.Select(s => s.Kind).Should().Equal(
            ComplaintStepKind.Received, ComplaintStepKind.Acknowledged, ComplaintStepKind.Investigating, ComplaintStepKind.ResolutionProposed,
            ComplaintStepKind.Resolved, ComplaintStepKind.Reopened, ComplaintStepKind.ResolutionProposed, ComplaintStepKind.Resolved, ComplaintStepKind.Closed);
        steps.Should().OnlyContain(s => s.By == serviceMe.Id && s.ByName == "陈静");
        steps.Single(s => s.Kind == ComplaintStepKind.Reopened).Note.Should().Be("客户称补发货物仍有破损");
    }

    [Fact]
    public async Task A_goodwill_gift_is_only_for_a_major_or_critical_complaint_of_a_key_customer()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var key = await rep.NewCustomerAsync("投诉 赠送 重点", importance: "key");
        var general = await rep.NewCustomerAsync("投诉 赠送 一般");
        var gift = new { kind = "goodwillGift", description = "赠送样品", cost = 100m };

        foreach (var (customer, severity) in new[] { (general, "critical"), (key, "minor") })
        {
            var complaint = await rep.StepOkAsync(await rep.ReceiveAsync(Intake(customer.Id, severity)), "investigate");
            await (await rep.StepAsync(complaint, "propose", gift)).ShouldHaveFieldErrorAsync("kind", HttpStatusCode.UnprocessableEntity);
        }

        var major = await rep.StepOkAsync(await rep.ReceiveAsync(Intake(key.Id, "major")), "investigate");
        (await rep.StepOkAsync(major, "propose", gift)).ResolutionKind.Should().Be(ResolutionKind.GoodwillGift);
        await (await rep.StepAsync(major, "propose", new { kind = "explain", description = "说明", cost = -1 })).ShouldHaveFieldErrorAsync("cost");
    }

    [Fact]
    public async Task A_rep_sees_only_their_customers_complaints_and_a_manager_only_the_teams()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.NewCustomerAsync("投诉 范围");
        var complaint = await rep.ReceiveAsync(Intake(customer.Id));
        complaint.OwnerId.Should().Be((await rep.MeAsync()).Id, "a rep who takes a complaint handles it");

        var url = $"/api/v1/complaints/{complaint.Id}";
        foreach (var outsider in new[] { DemoUsers.RepWest, DemoUsers.ManagerWest })
        {
            var client = await app.LoginAsync(outsider);
            (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await client.GetAsync($"{url}/steps")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await client.StepAsync(complaint, "investigate")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await (await client.GetAsync($"/api/v1/complaints?customerId={customer.Id}")).ReadAsync<Page<ComplaintDto>>()).Items.Should().BeEmpty();
            await (await client.PostJsonAsync("/api/v1/complaints", Intake(customer.Id))).ShouldHaveFieldErrorAsync("customerId", HttpStatusCode.UnprocessableEntity);
        }

        foreach (var insider in new[] { DemoUsers.ManagerEast, DemoUsers.Director, DemoUsers.Service })
        {
            (await (await app.LoginAsync(insider)).GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, insider);
        }

        // The customer moves to the West: its complaints go with it.
        var director = await app.LoginAsync(DemoUsers.Director);
        var west = await (await app.LoginAsync(DemoUsers.RepWest)).MeAsync();
        var current = await (await director.GetAsync($"/api/v1/customers/{customer.Id}")).ReadAsync<CustomerDto>();
        (await director.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/customers/{customer.Id}/transfer", new { toOwnerId = west.Id }, current.Version))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var repWest = await app.LoginAsync(DemoUsers.RepWest);
        await Eventually.HoldsAsync(async () => (await repWest.GetAsync(url)).StatusCode == HttpStatusCode.OK, "the complaint follows its customer to the West");
        (await rep.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await repWest.GetAsync(url)).ReadAsync<ComplaintDto>()).OwnerId.Should().Be(west.Id, "the complaint its previous rep handled goes to the new rep");
    }

    [Fact]
    public async Task A_complaint_is_handled_by_service_staff_or_by_someone_who_looks_after_the_customer()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.NewCustomerAsync("投诉 负责人");
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var complaint = await manager.ReceiveAsync(Intake(customer.Id));
        complaint.OwnerId.Should().Be((await rep.MeAsync()).Id, "a manager's intake goes to the customer's rep");

        var westRep = await (await app.LoginAsync(DemoUsers.RepWest)).MeAsync();
        await (await manager.StepAsync(complaint, "assign", new { ownerId = westRep.Id })).ShouldHaveFieldErrorAsync("ownerId", HttpStatusCode.UnprocessableEntity);
        await (await manager.StepAsync(complaint, "assign", new { ownerId = complaint.OwnerId })).ShouldHaveFieldErrorAsync("ownerId", HttpStatusCode.UnprocessableEntity);
        await (await manager.PostJsonAsync("/api/v1/complaints", Intake(customer.Id, ownerId: westRep.Id))).ShouldHaveFieldErrorAsync("ownerId", HttpStatusCode.UnprocessableEntity);

        var managersCustomer = await manager.NewCustomerAsync("投诉 负责人 经理的客户");
        await (await manager.PostJsonAsync("/api/v1/complaints", Intake(managersCustomer.Id, ownerId: complaint.OwnerId)))
            .ShouldHaveFieldErrorAsync("ownerId", HttpStatusCode.UnprocessableEntity);

        var service = await (await app.LoginAsync(DemoUsers.Service)).MeAsync();
        var assigned = await manager.StepOkAsync(complaint, "assign", new { ownerId = service.Id });
        assigned.Should().BeEquivalentTo(new { OwnerId = service.Id, OwnerName = "陈静", Status = ComplaintStatus.Received });
        var steps = await (await manager.GetAsync($"/api/v1/complaints/{complaint.Id}/steps")).ReadAsync<List<ComplaintStepDto>>();
        steps.Last().Should().BeEquivalentTo(new { Kind = ComplaintStepKind.Reassigned, OwnerId = service.Id, OwnerName = "陈静" });
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_the_field_and_a_retried_intake_records_one_complaint()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.NewCustomerAsync("投诉 校验");
        await (await rep.PostJsonAsync("/api/v1/complaints", new { customerId = customer.Id, channel = "phone", severity = "major", title = " ", description = "x" }))
            .ShouldHaveFieldErrorAsync("title");
        await (await rep.PostJsonAsync("/api/v1/complaints", new { customerId = customer.Id, channel = "phone", severity = "huge", title = "t", description = "x" }))
            .ShouldHaveFieldErrorAsync("severity");
        await (await rep.PostJsonAsync("/api/v1/complaints", new { customerId = customer.Id, channel = "phone", severity = "major", title = new string('长', 201), description = "x" }))
            .ShouldHaveFieldErrorAsync("title");
        await (await rep.PostJsonAsync("/api/v1/complaints", Intake(customer.Id, receivedAt: DateTimeOffset.UtcNow.AddHours(1))))
            .ShouldHaveFieldErrorAsync("receivedAt", HttpStatusCode.UnprocessableEntity);
        await (await rep.PostJsonAsync("/api/v1/complaints", Intake(Guid.NewGuid()))).ShouldHaveFieldErrorAsync("customerId", HttpStatusCode.UnprocessableEntity);
        await (await rep.PostJsonAsync($"/api/v1/complaints?bogus=1", Intake(customer.Id))).ShouldHaveFieldErrorAsync("bogus");

        var chinaTime = DateTimeOffset.UtcNow.AddHours(-1).ToOffset(TimeSpan.FromHours(8));
        var complaint = await rep.ReceiveAsync(Intake(customer.Id, receivedAt: chinaTime));
        complaint.ReceivedAt.Should().BeCloseTo(chinaTime, TimeSpan.FromMilliseconds(1), "a time written in China's offset is the same moment");
        await (await rep.PostJsonAsync("/api/v1/complaints", Intake(customer.Id, receivedAt: new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero)))).ShouldHaveFieldErrorAsync("receivedAt");
        var promised = await rep.StepOkAsync(await rep.ReceiveAsync(Intake(customer.Id)), "acknowledge", new { via = "phone", promisedAt = chinaTime.AddDays(3) });
        promised.PromisedAt.Should().BeCloseTo(chinaTime.AddDays(3), TimeSpan.FromMilliseconds(1));
        await (await rep.StepAsync(complaint, "acknowledge", new { via = "phone", promisedAt = complaint.ReceivedAt.AddMinutes(-1) }))
            .ShouldHaveFieldErrorAsync("promisedAt", HttpStatusCode.UnprocessableEntity);
        await (await rep.StepAsync(complaint, "acknowledge", new { via = "pigeon" })).ShouldHaveFieldErrorAsync("via");

        var retried = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = System.Net.Http.Json.JsonContent.Create(Intake(customer.Id, title: "重试")) };
        retried.Headers.Add("Idempotency-Key", "complaint-retry-1");
        var again = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = System.Net.Http.Json.JsonContent.Create(Intake(customer.Id, title: "重试")) };
        again.Headers.Add("Idempotency-Key", "complaint-retry-1");
        var first = await (await rep.SendAsync(retried)).ReadAsync<ComplaintDto>(HttpStatusCode.Created);
        var second = await (await rep.SendAsync(again)).ReadAsync<ComplaintDto>(HttpStatusCode.Created);
        second.Id.Should().Be(first.Id);
        (await (await rep.GetAsync($"/api/v1/complaints?customerId={customer.Id}")).ReadAsync<Page<ComplaintDto>>()).Items.Count(c => c.Title == "重试").Should().Be(1);
    }

    [Fact]
    public async Task A_complaint_about_a_deal_names_one_of_the_customers_deals_that_the_receiver_can_see()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.NewCustomerAsync("投诉 商机");
        var other = await rep.NewCustomerAsync("投诉 商机 别家");
        async Task<Guid> DealAsync(HttpClient client, Guid customerId, string title) =>
            (await (await client.PostJsonAsync("/api/v1/deals", new { customerId, title, amount = 5_000m })).ReadAsync<Deals.Features.DealDto>(HttpStatusCode.Created)).Id;
        var deal = await DealAsync(rep, customer.Id, "年度供货合同");
        var othersDeal = await DealAsync(rep, other.Id, "别家的合同");
        object About(Guid? dealId) => new { customerId = customer.Id, channel = "email", severity = "major", title = "合同交期未兑现", description = "第二批货晚到十天", dealId };

        await (await rep.PostJsonAsync("/api/v1/complaints", About(othersDeal))).ShouldHaveFieldErrorAsync("dealId", HttpStatusCode.UnprocessableEntity);
        await (await rep.PostJsonAsync("/api/v1/complaints", About(Guid.NewGuid()))).ShouldHaveFieldErrorAsync("dealId", HttpStatusCode.UnprocessableEntity);
        await (await rep.PostJsonAsync("/api/v1/complaints", About(Guid.Empty))).ShouldHaveFieldErrorAsync("dealId");
        var received = await rep.ReceiveAsync(About(deal));
        received.Should().BeEquivalentTo(new { DealId = (Guid?)deal, DealTitle = "年度供货合同" });
        (await (await rep.GetAsync($"/api/v1/complaints/{received.Id}")).ReadAsync<ComplaintDto>()).DealId.Should().Be(deal);
    }

    [Fact]
    public async Task The_list_filters_by_status_severity_key_overdue_and_owner_and_pages_newest_first()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var key = await rep.NewCustomerAsync("投诉 列表 重点", importance: "key");
        var general = await rep.NewCustomerAsync("投诉 列表 一般");
        // Received two days ago, not yet due (72 h for a key customer's minor complaint) until it is promised for a day after receipt.
        var late = await rep.ReceiveAsync(Intake(key.Id, "minor", "逾期", receivedAt: DateTimeOffset.UtcNow.AddDays(-2)));
        late = await rep.StepOkAsync(late, "acknowledge", new { via = "email", promisedAt = late.ReceivedAt.AddDays(1) });
        var onTime = await rep.ReceiveAsync(Intake(general.Id, "minor", "未逾期"));
        onTime = await rep.StepOkAsync(onTime, "acknowledge", new { via = "phone" });
        var fresh = await rep.ReceiveAsync(Intake(general.Id, "major", "新收"));

        async Task<List<string>> TitlesAsync(string query) =>
            [.. (await (await rep.GetAsync($"/api/v1/complaints?{query}&limit=200")).ReadAsync<Page<ComplaintDto>>()).Items
                .Where(c => c.CustomerId == key.Id || c.CustomerId == general.Id).Select(c => c.Title)];

        (await TitlesAsync("overdue=true")).Should().Equal("逾期");
        late.Overdue.Should().BeTrue();
        (await TitlesAsync("overdue=false")).Should().Equal("新收", "未逾期");
        (await TitlesAsync("key=true")).Should().Equal("逾期");
        (await TitlesAsync("severity=major")).Should().Equal("新收");
        (await TitlesAsync("status=received")).Should().Equal("新收", "未逾期", "逾期");
        (await TitlesAsync("open=true")).Should().Equal("新收", "未逾期", "逾期");
        (await TitlesAsync("open=false")).Should().BeEmpty();
        (await TitlesAsync($"ownerId={fresh.OwnerId}")).Should().Equal("新收", "未逾期", "逾期");
        await (await rep.GetAsync("/api/v1/complaints?status=lost")).ShouldHaveFieldErrorAsync("status");

        var firstPage = await (await rep.GetAsync($"/api/v1/complaints?customerId={general.Id}&limit=1")).ReadAsync<Page<ComplaintDto>>();
        firstPage.Items.Single().Title.Should().Be("新收");
        var secondPage = await (await rep.GetAsync($"/api/v1/complaints?customerId={general.Id}&limit=1&cursor={firstPage.NextCursor}")).ReadAsync<Page<ComplaintDto>>();
        secondPage.Items.Single().Title.Should().Be("未逾期");
        onTime.Overdue.Should().BeFalse();
    }

    [Fact]
    public async Task A_market_report_about_a_customer_becomes_one_complaint_and_the_report_keeps_it()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.NewCustomerAsync("投诉 市场反映");
        var other = await rep.NewCustomerAsync("投诉 市场反映 别家");
        var report = await (await rep.PostJsonAsync("/api/v1/visits/market-reports", new { kind = "distributorComplaint", severity = "serious", customerId = customer.Id, description = "经销商投诉：连续两批货包装破损" }))
            .ReadAsync<Visits.Features.MarketReportDto>(HttpStatusCode.Created);
        object FromReport(Guid customerId, string channel = "marketReport") =>
            new { customerId, channel, severity = "major", title = "经销商投诉包装", description = report.Description, marketReportId = report.Id };

        await (await rep.PostJsonAsync("/api/v1/complaints", FromReport(customer.Id, channel: "phone"))).ShouldHaveFieldErrorAsync("channel");
        await (await rep.PostJsonAsync("/api/v1/complaints", FromReport(other.Id))).ShouldHaveFieldErrorAsync("customerId", HttpStatusCode.UnprocessableEntity);
        var westCustomer = await (await app.LoginAsync(DemoUsers.RepWest)).NewCustomerAsync("投诉 市场反映 西");
        await (await (await app.LoginAsync(DemoUsers.RepWest)).PostJsonAsync("/api/v1/complaints", FromReport(westCustomer.Id)))
            .ShouldHaveFieldErrorAsync("marketReportId", HttpStatusCode.UnprocessableEntity);

        var complaint = await (await app.LoginAsync(DemoUsers.Service)).ReceiveAsync(FromReport(customer.Id));
        complaint.Should().BeEquivalentTo(new { MarketReportId = (Guid?)report.Id, Channel = ComplaintChannel.MarketReport, CustomerId = customer.Id });
        await (await rep.PostJsonAsync("/api/v1/complaints", FromReport(customer.Id))).ShouldHaveFieldErrorAsync("marketReportId", HttpStatusCode.UnprocessableEntity);
        await Eventually.HoldsAsync(
            async () => (await (await rep.GetAsync($"/api/v1/visits/market-reports/{report.Id}")).ReadAsync<Visits.Features.MarketReportDto>()).ComplaintId == complaint.Id,
            "the market report knows the complaint made from it");
    }

    [Fact]
    public async Task A_complaint_moves_to_the_survivor_of_a_merge_even_when_the_module_never_heard_of_the_survivor()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var survivor = await rep.NewCustomerAsync("投诉 合并 保留");
        var duplicate = await rep.NewCustomerAsync("投诉 合并 重复");
        var complaint = await rep.ReceiveAsync(Intake(duplicate.Id));
        await Eventually.HoldsAsync(
            async () => await Sql.ScalarAsync<long>(app.ConnectionString, "SELECT count(*) FROM complaints.customer_copies WHERE customer_id = @id", ("id", survivor.Id)) == 1,
            "the survivor's creation reached the complaints module");
        // As for a customer whose events all went before the module followed customers.
        await Sql.ExecuteAsync(app.ConnectionString, "DELETE FROM complaints.customer_copies WHERE customer_id = @id", ("id", survivor.Id));

        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var keep = await (await manager.GetAsync($"/api/v1/customers/{survivor.Id}")).ReadAsync<CustomerDto>();
        var gone = await (await manager.GetAsync($"/api/v1/customers/{duplicate.Id}")).ReadAsync<CustomerDto>();
        (await manager.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/customers/{keep.Id}/merge", new { duplicateId = gone.Id, duplicateVersion = gone.Version }, keep.Version))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        await Eventually.HoldsAsync(
            async () => (await (await rep.GetAsync($"/api/v1/complaints/{complaint.Id}")).ReadAsync<ComplaintDto>()) is { } moved && moved.CustomerId == survivor.Id && moved.CustomerName == "投诉 合并 保留",
            "the complaint is the survivor's");
    }
}
