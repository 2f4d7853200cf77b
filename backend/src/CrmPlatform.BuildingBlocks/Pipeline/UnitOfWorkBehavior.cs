using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Scheduling;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.BuildingBlocks.Pipeline;

/// <summary>
/// One transaction per command on the command's own module database context. Handlers call
/// SaveChanges (to read generated values such as the row version); the transaction commits only
/// when the handler returns success, so a failed result also discards outbox messages.
/// Queries never pass through here.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IServiceProvider services, ModuleCatalog modules, WakeSignal<OutboxDispatcher> outboxSignal)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var db = (DbContext)services.GetRequiredService(modules.DbContextTypeOf(typeof(TMessage)));
        if (db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The whole transaction is the unit: EF's savepoint around each SaveChanges would only add round trips.
        db.Database.AutoSavepointsEnabled = false;
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A concurrent writer changed the row between our read and our write: same answer as a stale If-Match.
            await transaction.RollbackAsync(CancellationToken.None);
            return TResponse.Failure(Error.StaleVersion);
        }

        if (response.Error is not null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return response;
        }

        await transaction.CommitAsync(cancellationToken);
        outboxSignal.Notify();
        return response;
    }
}
