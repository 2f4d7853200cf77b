using System.Collections.Concurrent;
using CrmPlatform.BuildingBlocks.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CrmPlatform.Platform.Tests.BuildingBlocks;

/// <summary>What the jobs did, shared by the test and the jobs the host resolves.</summary>
public sealed class JobLog
{
    public ConcurrentQueue<(string Job, DateOnly Day)> Runs { get; } = new();

    /// <summary>The day the flaky job fails on: the host's own runner, on the real clock, never runs it, so it cannot spend the failure.</summary>
    public static readonly DateOnly FlakyDay = new(2032, 7, 1);

    public int FailuresLeft { get; set; }
}

internal sealed class MorningJob(JobLog log) : IDailyJob
{
    public string Name => "test.morning";

    public TimeOnly At => new(8, 0);

    public Task RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        log.Runs.Enqueue((Name, day));
        return Task.CompletedTask;
    }
}

internal sealed class FlakyJob(JobLog log) : IDailyJob
{
    public string Name => "test.flaky";

    public TimeOnly At => new(2, 0);

    public Task RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (day == JobLog.FlakyDay && log.FailuresLeft > 0)
        {
            log.FailuresLeft--;
            throw new InvalidOperationException("Simulated failure.");
        }

        log.Runs.Enqueue((Name, day));
        return Task.CompletedTask;
    }
}

public sealed class ScheduledApp : CrmApp
{
    public JobLog Log { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Log);
        services.AddScoped<IDailyJob, MorningJob>();
        services.AddScoped<IDailyJob, FlakyJob>();
    }
}

/// <summary>Daily jobs run once a day from their time of day in China, on the injected clock, across the Beijing midnight.</summary>
public sealed class DailyJobTests(ScheduledApp app) : IClassFixture<ScheduledApp>
{
    [Fact]
    public async Task A_job_runs_once_a_day_from_its_time_in_China_and_the_day_turns_at_Beijing_midnight()
    {
        // 2031-03-01T23:59Z is 07:59 on 2 March in Beijing; 2031-03-02T16:00Z is midnight starting 3 March.
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 1, 23, 59, 0, TimeSpan.Zero));
        var runner = new DailyJobRunner(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<DailyJobRunner>.Instance);

        (await runner.RunDueAsync(CancellationToken.None)).Should().NotContain("test.morning", "07:59 is before the job's 08:00");
        clock.Advance(TimeSpan.FromMinutes(1));
        (await runner.RunDueAsync(CancellationToken.None)).Should().Contain("test.morning");
        clock.Advance(TimeSpan.FromHours(3));
        (await runner.RunDueAsync(CancellationToken.None)).Should().NotContain("test.morning", "the day's run is done");
        clock.SetUtcNow(new DateTimeOffset(2031, 3, 2, 15, 59, 59, TimeSpan.Zero));
        (await runner.RunDueAsync(CancellationToken.None)).Should().NotContain("test.morning");
        clock.Advance(TimeSpan.FromSeconds(1));
        (await runner.RunDueAsync(CancellationToken.None)).Should().NotContain("test.morning", "a new day in Beijing, but not yet 08:00");
        clock.SetUtcNow(new DateTimeOffset(2031, 3, 3, 0, 0, 0, TimeSpan.Zero));
        (await runner.RunDueAsync(CancellationToken.None)).Should().Contain("test.morning");

        app.Log.Runs.Where(r => r.Job == "test.morning" && r.Day.Year == 2031).Select(r => r.Day)
            .Should().Equal(new DateOnly(2031, 3, 2), new DateOnly(2031, 3, 3));
    }

    [Fact]
    public async Task A_second_instance_does_not_run_the_day_again_and_a_failed_run_is_tried_again()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2032, 7, 1, 2, 0, 0, TimeSpan.Zero));
        var scopes = app.Factory.Services.GetRequiredService<IServiceScopeFactory>();
        var first = new DailyJobRunner(scopes, clock, NullLogger<DailyJobRunner>.Instance);
        var second = new DailyJobRunner(scopes, clock, NullLogger<DailyJobRunner>.Instance);
        app.Log.FailuresLeft = 1;

        (await first.RunDueAsync(CancellationToken.None)).Should().NotContain("test.flaky", "it failed").And.Contain("test.morning", "one failing job does not stop the others");
        (await second.RunDueAsync(CancellationToken.None)).Should().Contain("test.flaky", "the failed run gave its claim back");
        (await first.RunDueAsync(CancellationToken.None)).Should().NotContain("test.flaky");
        (await second.RunDueAsync(CancellationToken.None)).Should().NotContain("test.flaky");

        app.Log.Runs.Count(r => r.Job == "test.flaky" && r.Day == JobLog.FlakyDay).Should().Be(1);
    }

    [Fact]
    public async Task A_run_left_unfinished_by_a_stopped_instance_is_taken_over_once_its_lease_is_over()
    {
        // 2033-05-01T00:30Z is 08:30 in Beijing; a claim of 08:00 that never finished (its instance was killed).
        var clock = new FakeTimeProvider(new DateTimeOffset(2033, 5, 1, 0, 30, 0, TimeSpan.Zero));
        await Sql.ExecuteAsync(
            app.ConnectionString,
            "INSERT INTO platform.job_runs (job, day, started_at) VALUES ('test.morning', '2033-05-01', @startedAt)",
            ("startedAt", new DateTimeOffset(2033, 5, 1, 0, 0, 0, TimeSpan.Zero)));
        var runner = new DailyJobRunner(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<DailyJobRunner>.Instance);

        (await runner.RunDueAsync(CancellationToken.None)).Should().NotContain("test.morning", "the claim may still be running");
        clock.Advance(DailyJobRunner.Lease);
        (await runner.RunDueAsync(CancellationToken.None)).Should().Contain("test.morning", "the claim's lease is over");
        clock.Advance(DailyJobRunner.Lease * 2);
        (await runner.RunDueAsync(CancellationToken.None)).Should().NotContain("test.morning", "the run that took over finished");

        app.Log.Runs.Count(r => r.Job == "test.morning" && r.Day == new DateOnly(2033, 5, 1)).Should().Be(1);
    }
}
