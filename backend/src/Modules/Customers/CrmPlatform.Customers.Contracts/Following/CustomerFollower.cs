using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Customers.Contracts.Following;

/// <summary>
/// Keeps a module's <see cref="CustomerCopy"/> rows current from the Customers module's events, and the module's records
/// of each customer with them (<see cref="FollowAsync"/>). Each event is claimed in the module's inbox with the change it
/// makes, so a redelivery changes nothing; any event about a customer the module has not seen yet (created before the
/// module followed customers, or its creation still to be delivered) adds the customer.
/// </summary>
public abstract class CustomerFollower<TContext>(TContext db, ICustomerDirectory customers, TimeProvider clock) :
    IIntegrationEventHandler<CustomerCreated>,
    IIntegrationEventHandler<CustomerRenamed>,
    IIntegrationEventHandler<CustomerOwnerChanged>,
    IIntegrationEventHandler<CustomerArchived>,
    IIntegrationEventHandler<CustomerMerged>,
    IIntegrationEventHandler<CustomersImported>
    where TContext : ModuleDbContext
{
    private readonly TimeProvider _clock = clock;

    /// <summary>The module's database, in whose transaction the copy and the records that follow it are saved.</summary>
    protected TContext Db { get; } = db;

    /// <summary>The inbox's name for this follower, e.g. "deals.customer-copies".</summary>
    protected abstract string Consumer { get; }

    public Task HandleAsync(CustomerCreated created, CancellationToken cancellationToken) => ObserveAsync(created, archived: false, survivorId: null, cancellationToken);

    public Task HandleAsync(CustomerRenamed renamed, CancellationToken cancellationToken) => ObserveAsync(renamed, archived: false, survivorId: null, cancellationToken);

    public Task HandleAsync(CustomerOwnerChanged changed, CancellationToken cancellationToken) => ObserveAsync(changed, archived: false, survivorId: null, cancellationToken);

    public Task HandleAsync(CustomerArchived archived, CancellationToken cancellationToken) => ObserveAsync(archived, archived: true, survivorId: null, cancellationToken);

    /// <summary>A merged-away customer is gone, as an archived one is, and its records are the survivor's.</summary>
    public Task HandleAsync(CustomerMerged merged, CancellationToken cancellationToken) => ObserveAsync(merged, archived: true, merged.SurvivorId, cancellationToken);

    /// <summary>A batch of new customers: one claim, one lookup and one save for all of them; new customers have no records to follow.</summary>
    public async Task HandleAsync(CustomersImported imported, CancellationToken cancellationToken)
    {
        if (!await Db.TryClaimAsync(imported, Consumer, _clock.GetDatabaseUtcNow(), cancellationToken))
        {
            return;
        }

        Guid[] ids = [.. imported.Customers.Select(c => c.CustomerId)];
        var copies = await Db.Set<CustomerCopy>().Where(c => ids.Contains(c.CustomerId)).ToDictionaryAsync(c => c.CustomerId, cancellationToken);
        foreach (var customer in imported.Customers)
        {
            if (!copies.TryGetValue(customer.CustomerId, out var copy))
            {
                copy = CustomerCopy.Of(customer.CustomerId);
                Db.Set<CustomerCopy>().Add(copy);
                copies[customer.CustomerId] = copy;
            }

            copy.Observe(customer.Name, customer.OwnerId, customer.TeamId, null, imported.OccurredAt);
        }

        await Db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The customer's copy as it now stands (a late event changed nothing): bring the module's records of it in line.
    /// <paramref name="survivor"/> is given when the customer was merged away; it answers the survivor's copy, locked, and
    /// fails while the survivor's own event has not arrived (the merge is then delivered again).
    /// </summary>
    protected abstract Task FollowAsync(CustomerCopy copy, Func<Task<CustomerCopy>>? survivor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The survivor of a merge, locked: the module's copy, or — for a customer whose events all went before the module
    /// followed customers — a copy made from the directory's card, as older than any event. Fails while the survivor is
    /// unknown to the Customers module too (the merge is then delivered again).
    /// </summary>
    private async Task<CustomerCopy> SurvivorAsync(Guid survivorId, Guid mergedId, CancellationToken cancellationToken)
    {
        if (await CustomerCopies.Locked(Db, survivorId).SingleOrDefaultAsync(cancellationToken) is { } known)
        {
            return known;
        }

        var card = await customers.FindAnyAsync(survivorId, cancellationToken)
            ?? throw new InvalidOperationException($"The survivor {survivorId} of merged customer {mergedId} is not known to {Db.Schema} yet.");
        await CustomerCopies.LockAsync(Db, card, cancellationToken);
        return await CustomerCopies.Locked(Db, survivorId).SingleAsync(cancellationToken);
    }

    /// <summary>
    /// Applies the event to the copy, then the copy to the module's records. The copy's row is locked first, as a record's
    /// creation locks it (<see cref="CustomerCopies.LockAsync"/>), so a record written meanwhile is not left with the
    /// customer's old scope; the lock lasts until the records that follow it are saved.
    /// </summary>
    private async Task ObserveAsync<TEvent>(TEvent customerEvent, bool archived, Guid? survivorId, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent, ICustomerEvent
    {
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var now = _clock.GetDatabaseUtcNow();
        if (!await Db.TryClaimAsync(customerEvent, Consumer, now, cancellationToken))
        {
            return;
        }

        var copy = await CustomerCopies.Locked(Db, customerEvent.CustomerId).SingleOrDefaultAsync(cancellationToken);
        if (copy is null)
        {
            copy = CustomerCopy.Of(customerEvent.CustomerId);
            Db.Set<CustomerCopy>().Add(copy);
        }

        copy.Observe(customerEvent.Name, customerEvent.OwnerId, customerEvent.TeamId, archived ? customerEvent.OccurredAt : null, customerEvent.OccurredAt);
        Func<Task<CustomerCopy>>? survivor = survivorId is { } id ? () => SurvivorAsync(id, customerEvent.CustomerId, cancellationToken) : null;
        await FollowAsync(copy, survivor, now, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

public static class CustomerFollowing
{
    /// <summary>Registers <typeparamref name="TFollower"/> for every customer event.</summary>
    public static IServiceCollection AddCustomerFollower<TFollower>(this IServiceCollection services)
        where TFollower : class, IIntegrationEventHandler<CustomerCreated>, IIntegrationEventHandler<CustomerRenamed>, IIntegrationEventHandler<CustomerOwnerChanged>,
            IIntegrationEventHandler<CustomerArchived>, IIntegrationEventHandler<CustomerMerged>, IIntegrationEventHandler<CustomersImported> =>
        services
            .AddIntegrationEventHandler<CustomerCreated, TFollower>()
            .AddIntegrationEventHandler<CustomerRenamed, TFollower>()
            .AddIntegrationEventHandler<CustomerOwnerChanged, TFollower>()
            .AddIntegrationEventHandler<CustomerArchived, TFollower>()
            .AddIntegrationEventHandler<CustomerMerged, TFollower>()
            .AddIntegrationEventHandler<CustomersImported, TFollower>();
}
