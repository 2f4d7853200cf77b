using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmPlatform.BuildingBlocks.Outbox;

public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>After this many failed deliveries a message is left for an operator (it keeps its last error).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait after the first failure; doubles with every further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Delivered messages are kept this long for diagnosis, then purged.</summary>
    public TimeSpan RetainDelivered { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan BackOff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 30))));
}

/// <summary>
/// Delivers committed outbox messages of every module to their integration event handlers (at least once).
/// Rows are locked with SKIP LOCKED, so several app instances can dispatch side by side.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    ModuleCatalog modules,
    WakeSignal<OutboxDispatcher> signal,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchPendingAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Outbox dispatch failed; retrying after the poll interval");
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over every module's outbox; returns how many messages were delivered.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var module in modules.Databases.Where(m => m.HasOutbox))
        {
            delivered += await DispatchModuleAsync(module, cancellationToken);
        }

        return delivered;
    }

    private async Task<int> DispatchModuleAsync(ModuleDatabase module, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The schema is the module's compile-time constant, never input; the values are parameters.
#pragma warning disable EF1002
        var batch = await db.OutboxMessages
            .FromSqlRaw(
                $$"""
                SELECT * FROM "{{module.Schema}}".outbox_messages
                WHERE processed_at IS NULL AND attempts < {0} AND (next_attempt_at IS NULL OR next_attempt_at <= {2})
                ORDER BY occurred_at, id
                LIMIT {1}
                FOR UPDATE SKIP LOCKED
                """,
                options.Value.MaxAttempts,
                options.Value.BatchSize,
                clock.GetDatabaseUtcNow())
            .ToListAsync(cancellationToken);
#pragma warning restore EF1002

        var delivered = 0;
        foreach (var message in batch)
        {
            try
            {
                await using var handlerScope = scopes.CreateAsyncScope();
                await IntegrationEventDelivery.DeliverAsync(handlerScope.ServiceProvider, message.ToEvent(), cancellationToken);
                message.ProcessedAt = clock.GetDatabaseUtcNow();
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                message.NextAttemptAt = clock.GetDatabaseUtcNow() + options.Value.BackOff(message.Attempts);
                message.LastError = ex.ToString()[..Math.Min(ex.ToString().Length, 2000)];
                logger.LogWarning(ex, "Delivering outbox message {MessageId} ({Type}) failed, attempt {Attempt}", message.Id, message.Type, message.Attempts);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return delivered;
    }
}
