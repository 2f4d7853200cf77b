using System.Runtime.CompilerServices;
using CrmPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Contracts.Following;

public static class CustomerCopies
{
    /// <summary>
    /// The customer's scope a new record takes, with the module's copy of the customer locked until the record is saved,
    /// so the module's <see cref="CustomerFollower{TContext}"/>, which locks it too, either ran before (and the copy says
    /// what it did) or runs after (and moves the new record with the others). The copy is written from the card the
    /// Customers module just answered when its events have not arrived yet (a record right after the customer's
    /// creation), as older than any event, so the first event to arrive replaces it.
    /// </summary>
    public static async Task<CustomerScope> LockAsync(ModuleDbContext db, CustomerCard card, CancellationToken cancellationToken)
    {
        // The schema is the module's own constant, never input; the card's values are parameters.
        var insert = $$"""
            INSERT INTO {{db.Schema}}.customer_copies (customer_id, name, owner_id, team_id, archived_at, as_of)
            VALUES ({0}, {1}, {2}, {3}, NULL, '-infinity')
            ON CONFLICT (customer_id) DO NOTHING
            """;
        await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(insert, card.Id, card.Name, card.OwnerId, card.TeamId), cancellationToken);
        var copy = await Locked(db, card.Id).AsNoTracking().SingleAsync(cancellationToken);
        return copy.AsOf == DateTimeOffset.MinValue ? new CustomerScope(card.Id, card.OwnerId, card.TeamId, Archived: false) : copy.Scope;
    }

    /// <summary>The copy of a customer, locked until the transaction ends: a record's creation and the follower take turns on it.</summary>
    public static IQueryable<CustomerCopy> Locked(ModuleDbContext db, Guid customerId) =>
        db.Set<CustomerCopy>().FromSql(FormattableStringFactory.Create($"SELECT * FROM {db.Schema}.customer_copies WHERE customer_id = {{0}} FOR UPDATE", customerId));
}
