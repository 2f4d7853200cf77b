using System.Net;
using CrmPlatform.Visits.Features;

namespace CrmPlatform.Visits.Tests;

/// <summary>The API on a clock the test moves, with the report cut-off set to 10:30 the next morning.</summary>
public sealed class ClockedApp : ClockedCrmApp
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Crm:MigrateOnStart"] = "false",
        ["Crm:Visits:ReportDueAt"] = "10:30",
    };
}

/// <summary>A report filed after the configured cut-off is late, to the second, on the day as China counts it.</summary>
public sealed class ReportCutOffTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task A_report_filed_at_the_cut_off_is_on_time_and_one_second_later_it_is_late()
    {
        // The day whose cut-off (10:30 the next morning in China, 02:30 UTC) is the next one to come on the test's clock.
        var now = app.Clock.GetUtcNow();
        var day = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).AddHours(-10.5).DateTime);
        var cutOff = new DateTimeOffset(day.AddDays(1).ToDateTime(new TimeOnly(10, 30)), TimeSpan.FromHours(8));
        app.Clock.SetUtcNow(cutOff.AddSeconds(-1).ToUniversalTime());
        var early = await app.LoginAsync(DemoUsers.RepEast);
        var late = await app.LoginAsync(DemoUsers.RepWest);
        (await (await early.GetAsync($"/api/v1/visits/reports/draft?day={day:yyyy-MM-dd}")).ReadAsync<DailyReportDraftDto>()).DueAt.Should().Be(cutOff);

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await (await early.PostJsonAsync("/api/v1/visits/reports", DailyReportTests.Report(day))).ReadAsync<DailyReportDto>(HttpStatusCode.Created)).Late.Should().BeFalse();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await (await late.PostJsonAsync("/api/v1/visits/reports", DailyReportTests.Report(day))).ReadAsync<DailyReportDto>(HttpStatusCode.Created)).Late.Should().BeTrue();
    }
}
