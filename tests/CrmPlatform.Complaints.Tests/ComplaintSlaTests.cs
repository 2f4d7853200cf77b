using System.Globalization;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Complaints.Features;
using CrmPlatform.Identity.Features;
using static CrmPlatform.Complaints.Tests.ComplaintRequests;

namespace CrmPlatform.Complaints.Tests;

/// <summary>The SLA in calendar hours: 48 h for a general customer's major complaint, the owner warned 4 h before, the directors 8 h after a breach.</summary>
public sealed class SlaApp : ClockedCrmApp
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Crm:MigrateOnStart"] = "false",
        ["Crm:Complaints:Sla:GeneralCustomer:Major"] = "48",
        ["Crm:Complaints:Sla:WarnBeforeHours"] = "4",
        ["Crm:Complaints:Sla:EscalateToDirectorAfterHours"] = "8",
    };
}

/// <summary>The SLA in business hours (09:00–18:00 China, Monday to Friday): 2 h for a general customer's minor complaint.</summary>
public sealed class BusinessHoursApp : ClockedCrmApp
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Crm:MigrateOnStart"] = "false",
        ["Crm:Complaints:Sla:BusinessHours"] = "true",
        ["Crm:Complaints:Sla:GeneralCustomer:Minor"] = "2",
    };
}

/// <summary>The SLA clock on an injected clock: the promised time, the warning, the breach to the manager once, then the directors.</summary>
public sealed class ComplaintSlaTests(SlaApp app) : IClassFixture<SlaApp>
{
    private static readonly DateTimeOffset Received = new DateTimeOffset(2030, 3, 4, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    [Fact]
    public async Task Promised_48_hours_the_clock_moves_49_the_breach_is_recorded_and_the_manager_told_once_then_the_directors()
    {
        app.Clock.SetUtcNow(Received);
        var rep = await SignedInAsync(DemoUsers.RepEast);
        var customer = await rep.NewCustomerAsync("投诉 时限");
        var complaint = await rep.ReceiveAsync(Intake(customer.Id, "major"));
        complaint.PromisedAt.Should().Be(Received.AddHours(48), "the SLA's time counts from intake");
        complaint = await rep.StepOkAsync(complaint, "acknowledge", new { via = "phone" });
        complaint.PromisedAt.Should().Be(Received.AddHours(48));

        // 43 h: nothing. 44 h: the promise is 4 h away, and its owner is warned, once.
        await AtAsync(43);
        (await TopicsAsync(DemoUsers.RepEast)).Should().NotContain(ComplaintTopic("nearPromise"));
        await AtAsync(44);
        await AtAsync(44.5);
        (await TopicsAsync(DemoUsers.RepEast)).Count(t => t == ComplaintTopic("nearPromise")).Should().Be(1);

        // 49 h: breached — recorded once, the East manager told once; nobody else yet.
        await AtAsync(49);
        await AtAsync(49.5);
        var breached = await (await (await SignedInAsync(DemoUsers.ManagerEast)).GetAsync($"/api/v1/complaints/{complaint.Id}")).ReadAsync<ComplaintDto>();
        breached.Should().BeEquivalentTo(new { Overdue = true, BreachedAt = (DateTimeOffset?)Received.AddHours(49), EscalatedAt = (DateTimeOffset?)null });
        (await TopicsAsync(DemoUsers.ManagerEast)).Count(t => t == ComplaintTopic("breached")).Should().Be(1);
        (await TopicsAsync(DemoUsers.ManagerWest)).Should().NotContain(ComplaintTopic("breached"));
        (await TopicsAsync(DemoUsers.Director)).Should().NotContain(ComplaintTopic("breached")).And.NotContain(ComplaintTopic("escalated"));

        // 8 h after the breach: the directors, once.
        await AtAsync(56.9);
        (await TopicsAsync(DemoUsers.Director)).Should().NotContain(ComplaintTopic("escalated"));
        await AtAsync(57);
        await AtAsync(58);
        (await TopicsAsync(DemoUsers.Director)).Count(t => t == ComplaintTopic("escalated")).Should().Be(1);
        var steps = await (await (await SignedInAsync(DemoUsers.RepEast)).GetAsync($"/api/v1/complaints/{complaint.Id}/steps")).ReadAsync<List<ComplaintStepDto>>();
        steps.Select(s => s.Kind).Should().EndWith([ComplaintStepKind.Breached, ComplaintStepKind.Escalated]);
        steps.TakeLast(2).Should().OnlyContain(s => s.By == null, "the system took these steps");

        // A resolved complaint is no longer watched.
        var other = await (await SignedInAsync(DemoUsers.RepEast)).ReceiveAsync(Intake(customer.Id, "major", "已解决"));
        rep = await SignedInAsync(DemoUsers.RepEast);
        other = await rep.StepOkAsync(await rep.StepOkAsync(await rep.StepOkAsync(other, "investigate"), "propose", new { kind = "explain", description = "说明情况" }), "resolve");
        await AtAsync(58 + 49);
        (await (await (await SignedInAsync(DemoUsers.RepEast)).GetAsync($"/api/v1/complaints/{other.Id}")).ReadAsync<ComplaintDto>())
            .Should().BeEquivalentTo(new { Overdue = false, BreachedAt = (DateTimeOffset?)null });
    }

    private static string ComplaintTopic(string name) => $"complaints.{name}";

    /// <summary>Moves the clock to <paramref name="hours"/> after receipt and runs the jobs, as the host's runner does each minute.</summary>
    private async Task AtAsync(double hours)
    {
        app.Clock.SetUtcNow(Received.AddHours(hours));
        await app.RunJobsAsync();
    }

    /// <summary>The user's notification topics once every event the complaints module wrote is delivered.</summary>
    private async Task<List<string>> TopicsAsync(string userName)
    {
        await Eventually.HoldsAsync(
            async () => await Sql.ScalarAsync<long>(app.ConnectionString, "SELECT count(*) FROM complaints.outbox_messages WHERE processed_at IS NULL") == 0,
            "the complaints' notifications are delivered");
        var client = await SignedInAsync(userName);
        return [.. (await (await client.GetAsync("/api/v1/me/notifications?limit=200")).ReadAsync<Page<NotificationDto>>()).Items.Select(n => n.Topic)];
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        app.ForgetSignIns();
        return await app.LoginAsync(userName);
    }
}

/// <summary>Business hours: time outside 09:00–18:00 and at weekends does not count, across midnight and across a weekend.</summary>
public sealed class BusinessHoursTests(BusinessHoursApp app) : IClassFixture<BusinessHoursApp>
{
    [Fact]
    public async Task Two_business_hours_from_receipt_skip_the_night_and_the_weekend()
    {
        // In the clock's order (it only moves forward): Friday evening → Monday, Saturday → Monday, across midnight, after midnight.
        (string Received, string Promised)[] cases =
        [
            ("2030-03-08T17:30:00+08:00", "2030-03-11T10:30:00+08:00"),
            ("2030-03-09T11:00:00+08:00", "2030-03-11T11:00:00+08:00"),
            ("2030-03-12T17:00:00+08:00", "2030-03-13T10:00:00+08:00"),
            ("2030-03-12T23:10:00+08:00", "2030-03-13T11:00:00+08:00"),
        ];
        foreach (var (received, promised) in cases)
        {
            app.Clock.SetUtcNow(DateTimeOffset.Parse(received, CultureInfo.InvariantCulture).ToUniversalTime());
            app.ForgetSignIns();
            var rep = await app.LoginAsync(DemoUsers.RepEast);
            var customer = await rep.NewCustomerAsync($"投诉 工作时间 {received}");
            var complaint = await rep.ReceiveAsync(Intake(customer.Id, "minor"));
            complaint.PromisedAt.Should().Be(DateTimeOffset.Parse(promised, CultureInfo.InvariantCulture), $"received {received}");
        }
    }
}
