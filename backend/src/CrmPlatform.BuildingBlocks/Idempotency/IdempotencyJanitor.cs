using CrmPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.BuildingBlocks.Idempotency;

/// <summary>Deletes idempotency records past their retention, hourly.</summary>
internal sealed class IdempotencyJanitor(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyJanitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                var cutoff = clock.GetDatabaseUtcNow() - IdempotencyMiddleware.Retention;
                var deleted = await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(stoppingToken);
                logger.LogDebug("Deleted {Count} expired idempotency records", deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Purging expired idempotency records failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
