using CrmPlatform.BuildingBlocks.Idempotency;
using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>Hourly: deletes idempotency records past their retention and long-delivered outbox messages, then runs the modules' <see cref="IHousekeepingTask"/>s.</summary>
internal sealed class Housekeeping(
    IServiceScopeFactory scopes,
    ModuleCatalog modules,
    TimeProvider clock,
    IOptions<OutboxOptions> outbox,
    ILogger<Housekeeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Housekeeping failed; it runs again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = clock.GetDatabaseUtcNow();
        var idempotencyCutoff = now - IdempotencyMiddleware.Retention;
        var records = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().IdempotencyRecords
            .Where(r => r.CreatedAt < idempotencyCutoff)
            .ExecuteDeleteAsync(cancellationToken);

        var deliveredCutoff = now - outbox.Value.RetainDelivered;
        var messages = 0;
        foreach (var module in modules.Databases.Where(m => m.HasOutbox))
        {
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
            messages += await db.OutboxMessages.Where(m => m.ProcessedAt < deliveredCutoff).ExecuteDeleteAsync(cancellationToken);
        }

        logger.LogInformation("Housekeeping deleted {Records} idempotency records and {Messages} delivered outbox messages", records, messages);
        foreach (var task in scope.ServiceProvider.GetServices<IHousekeepingTask>())
        {
            logger.LogInformation("Housekeeping ({Task}) deleted {Deleted}", task.GetType().Name, await task.PurgeAsync(now, cancellationToken));
        }
    }
}
