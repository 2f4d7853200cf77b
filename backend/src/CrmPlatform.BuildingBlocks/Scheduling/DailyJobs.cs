using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.BuildingBlocks.Scheduling;

/// <summary>
/// Work done once a day, at or after a time of day in China (a greeting list at 08:00, the pool's sweep at
/// 02:00). A module registers one as a scoped service; <see cref="DailyJobRunner"/> runs it.
/// </summary>
public interface IDailyJob
{
    /// <summary>Unique and stable: the day's run is recorded under it.</summary>
    string Name { get; }

    /// <summary>The time of day (China Standard Time) from which the day's run is due.</summary>
    TimeOnly At { get; }

    /// <summary>Does the work of <paramref name="day"/>; the same day again must do no harm (a retry after a failure).</summary>
    Task RunAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>
/// Work checked every minute (on the injected clock), such as complaints past their promised time. A run must be safe to
/// repeat and to overlap with another instance's: it claims what it acts on in its own rows (a conditional update).
/// </summary>
public interface IRecurringJob
{
    string Name { get; }

    Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>That a job's run of a day was claimed: the day's run happens once, on one instance.</summary>
public sealed class JobRun
{
    public required string Job { get; init; }

    public DateOnly Day { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>
/// Every minute (on the injected clock), runs each <see cref="IDailyJob"/> whose time has come today and
/// whose run of today is not claimed yet. A claim is a row in <c>platform.job_runs</c>, so a restart or a
/// second instance does not run the day twice; a failed run gives its claim back and is tried again a
/// minute later, and a run left unfinished longer than <see cref="Lease"/> (its instance stopped mid-run) is
/// taken over. A day the service was down for entirely is not caught up. Each <see cref="IRecurringJob"/> runs on every
/// check.
/// </summary>
public sealed class DailyJobRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DailyJobRunner> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a claim holds without its run finishing or failing: longer than any job runs (the longest, rating a
    /// million customers, takes about a minute), short enough that a crash costs an hour, not the day.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Daily jobs could not be checked; they are checked again in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs what is due now; returns the names of the jobs it ran. A job that fails does not stop the others.</summary>
    public async Task<IReadOnlyList<string>> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetDatabaseUtcNow();
        var today = ChinaTime.DayOf(now);
        var timeOfDay = TimeOnly.FromTimeSpan(now.ToOffset(ChinaTime.Offset).TimeOfDay);
        var ran = new List<string>();
        List<string> due, recurring;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = [.. scope.ServiceProvider.GetServices<IDailyJob>().Where(j => timeOfDay >= j.At).Select(j => j.Name)];
            recurring = [.. scope.ServiceProvider.GetServices<IRecurringJob>().Select(j => j.Name)];
        }

        // Recurring work first, each on the clock as it runs: a long daily job must not hold back or back-date it.
        foreach (var name in recurring)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == name).RunAsync(clock.GetDatabaseUtcNow(), cancellationToken);
                ran.Add(name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Recurring job {Job} failed; it runs again in a minute", name);
            }
        }

        foreach (var name in due)
        {
            try
            {
                if (await RunOnceAsync(name, today, now, cancellationToken))
                {
                    ran.Add(name);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Daily job {Job} failed for {Day}; it is tried again in a minute", name, today);
            }
        }

        // What the jobs published (a breach's notifications, a pool warning) goes out now, not at the dispatcher's next poll.
        if (ran.Count > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetService<WakeSignal<OutboxDispatcher>>()?.Notify();
        }

        return ran;
    }

    /// <summary>Each run in a scope of its own: a failed job's half-made changes never reach the next job's save.</summary>
    private async Task<bool> RunOnceAsync(string name, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IDailyJob>().Single(j => j.Name == name);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var expired = now - Lease;
        var claimed = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO platform.job_runs (job, day, started_at) VALUES ({job.Name}, {day}, {now})
            ON CONFLICT (job, day) DO UPDATE SET started_at = excluded.started_at
            WHERE job_runs.finished_at IS NULL AND job_runs.started_at < {expired}
            """,
            cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        try
        {
            await job.RunAsync(day, cancellationToken);
        }
        catch
        {
            await db.JobRuns.Where(r => r.Job == job.Name && r.Day == day).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }

        var finishedAt = clock.GetDatabaseUtcNow();
        await db.JobRuns.Where(r => r.Job == job.Name && r.Day == day)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.FinishedAt, finishedAt), cancellationToken);
        logger.LogInformation("Daily job {Job} ran for {Day}", job.Name, day);
        return true;
    }
}
