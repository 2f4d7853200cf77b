using System.Globalization;
using CrmPlatform.BuildingBlocks.Exchange;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using CrmPlatform.Customers.Features.Exchange;
using CrmPlatform.Customers.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Customers.Jobs;

/// <summary>
/// Runs queued imports, one at a time per instance, woken by an upload (or every few seconds). A job is claimed
/// with a lease that each saved batch renews, so one whose worker died is taken up again where it stopped; one
/// that fails <see cref="ImportLimits.Attempts"/> times is given up with its error. The work acts as the uploader
/// (record scope, audit) and speaks the uploader's language.
/// </summary>
internal sealed class ImportRunner(IServiceScopeFactory scopes, WakeSignal<ImportRunner> signal, TimeProvider clock, ILogger<ImportRunner> logger)
    : BackgroundService
{
    /// <summary>Rows written per transaction: large enough that a batch's few queries are cheap per row, small enough to hold the lease.</summary>
    public const int BatchSize = 1000;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Imports could not be checked; they are checked again shortly");
            }

            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims the oldest import waiting (or abandoned) and runs it; false when there is none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        var claim = await ClaimAsync(cancellationToken);
        if (claim is null)
        {
            return false;
        }

        try
        {
            await RunAsync(claim, cancellationToken);
        }
        catch (ImportLeaseLostException)
        {
            // Another worker took the job up after our lease ran out (a stall): it carries on, this one stops.
            logger.LogWarning("Import {Import} was taken over by another worker", claim.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Import {Import} failed", claim.Id);
            await FailAsync(claim, ex);
        }

        return true;
    }

    /// <summary>Gives the job back to be tried again, or gives up after <see cref="ImportLimits.Attempts"/> — if this worker still holds it.</summary>
    private async Task FailAsync(ClaimedJob claim, Exception ex)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        var language = await db.ImportJobs.Where(j => j.Id == claim.Id).Select(j => j.Language).SingleAsync(CancellationToken.None);
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        var error = ex is TableFormatException format
            ? FileLanguage.Say($"文件在第 {format.AfterRow} 行之后无法读取。", $"The file cannot be read after row {format.AfterRow}.")
            : FileLanguage.Say("导入因意外错误而中止，详情见服务日志。", "The import stopped on an unexpected error; the service log has the details.");
        CultureInfo.CurrentUICulture = culture;
        var givingUp = claim.Attempts >= ImportLimits.Attempts;
        var now = clock.GetDatabaseUtcNow();
        await Held(db, claim).ExecuteUpdateAsync(
            j => j.SetProperty(x => x.Status, givingUp ? ImportStatus.Failed : ImportStatus.Queued)
                .SetProperty(x => x.Content, x => givingUp ? null : x.Content)
                .SetProperty(x => x.FinishedAt, givingUp ? now : null)
                .SetProperty(x => x.Error, error.Length > ImportLimits.Message ? error[..ImportLimits.Message] : error)
                .SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null),
            CancellationToken.None);
    }

    /// <summary>The job, if the claim is still the job's latest: a worker whose lease another one took over changes nothing.</summary>
    internal static IQueryable<ImportJob> Held(CustomersDbContext db, ClaimedJob claim) =>
        db.ImportJobs.Where(j => j.Id == claim.Id && j.Attempts == claim.Attempts && j.Status == ImportStatus.Running);

    private async Task<ClaimedJob?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        var now = clock.GetDatabaseUtcNow();
        var leaseUntil = now + ImportLimits.Lease;
        // A job whose worker died after its last attempt will not be taken up again.
        await db.ImportJobs
            .Where(j => j.Status == ImportStatus.Running && j.LeaseUntil < now && j.Attempts >= ImportLimits.Attempts)
            .ExecuteUpdateAsync(
                j => j.SetProperty(x => x.Status, ImportStatus.Failed).SetProperty(x => x.Content, (byte[]?)null).SetProperty(x => x.FinishedAt, now)
                    .SetProperty(x => x.Error, "The import was interrupted too many times."),
                cancellationToken);
        var claimed = await db.Database.SqlQuery<ClaimedJob>($"""
            UPDATE customers.import_jobs
            SET status = 'Running', attempts = attempts + 1, started_at = coalesce(started_at, {now}), lease_until = {leaseUntil}
            WHERE id = (
                SELECT id FROM customers.import_jobs
                WHERE status = 'Queued' OR (status = 'Running' AND lease_until < {now})
                ORDER BY id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id, attempts
            """).ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : claimed[0];
    }

    private async Task RunAsync(ClaimedJob claim, CancellationToken cancellationToken)
    {
        ImportJob job;
        await using (var scope = scopes.CreateAsyncScope())
        {
            job = await scope.ServiceProvider.GetRequiredService<CustomersDbContext>().ImportJobs.AsNoTracking().SingleAsync(j => j.Id == claim.Id, cancellationToken);
        }

        using var actingAs = ActingUser.Assume(job.UserId, job.UserTeamId, job.UserRole);
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(job.Language);
        try
        {
            await ImportAsync(job, claim, cancellationToken);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private async Task ImportAsync(ImportJob job, ClaimedJob claim, CancellationToken cancellationToken)
    {
        using var reader = TableReader.Open(job.Format, job.Content!);
        reader.Read();
        var layout = CustomerFileLayout.Of(reader.Cells).Value;
        // The batches saved before an interruption are done: the rows after them are next.
        for (var skipped = 0; skipped < job.RowsDone && reader.Read(); skipped++)
        {
        }

        IValidator<CustomerInput> validator;
        LoyaltyRule loyalty;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            validator = services.GetRequiredService<IValidator<CustomerInput>>();
            loyalty = (await services.GetRequiredService<SettingsCache>().GetAsync(services.GetRequiredService<CustomersDbContext>(), cancellationToken)).Loyalty;
        }

        // Two cores, two kinds of work: the next batch is read and checked here while the database writes this one.
        CustomerImporter.PreparedBatch? Next()
        {
            var rows = new List<FileRow>(BatchSize);
            while (rows.Count < BatchSize && reader.Read())
            {
                rows.Add(new FileRow(reader.RowNumber, [.. reader.Cells]));
            }

            return rows.Count == 0 ? null : CustomerImporter.Prepare(job, layout, rows, validator, loyalty, clock.GetDatabaseUtcNow());
        }

        var next = Task.Run(Next, cancellationToken);
        try
        {
            while (await next is { } batch)
            {
                next = Task.Run(Next, cancellationToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CustomerImporter>().WriteAsync(job, claim, layout, batch, loyalty, cancellationToken);
            }
        }
        finally
        {
            // The reader is disposed after this: never while the next batch is still being read from it.
            await Task.WhenAny(next);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetDatabaseUtcNow();
            var completed = await Held(scope.ServiceProvider.GetRequiredService<CustomersDbContext>(), claim).ExecuteUpdateAsync(
                j => j.SetProperty(x => x.Status, ImportStatus.Completed)
                    .SetProperty(x => x.Content, (byte[]?)null)
                    .SetProperty(x => x.FinishedAt, now)
                    .SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken);
            if (completed == 0)
            {
                throw new ImportLeaseLostException();
            }
        }

        logger.LogInformation("Import {Import} of {Rows} rows completed", job.Id, job.TotalRows);
    }
}

/// <summary>A claim of a job: its <see cref="Attempts"/> after the claim tell this worker's hold from a later worker's.</summary>
internal sealed record ClaimedJob(Guid Id, int Attempts);

/// <summary>The job was claimed again by another worker (this one's lease ran out): this worker's batch is rolled back.</summary>
internal sealed class ImportLeaseLostException() : Exception("Another worker holds the import now.");
