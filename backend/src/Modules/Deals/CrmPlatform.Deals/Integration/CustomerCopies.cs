using CrmPlatform.Customers.Contracts;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Integration;

internal static class CustomerCopies
{
    /// <summary>
    /// The customer's scope a new deal takes, with Deals' copy of the customer locked until the deal is saved, so the
    /// event consumer, which locks it too, either ran before (and the copy says what it did) or runs after (and moves
    /// the new deal with the others). The copy is written from the card the Customers module just answered when its
    /// events have not arrived yet (a deal right after the customer's creation), as older than any event, so the first
    /// event to arrive replaces it.
    /// </summary>
    public static async Task<CustomerScope> LockAsync(DealsDbContext db, CustomerCard card, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO deals.customer_copies (customer_id, name, owner_id, team_id, archived_at, as_of)
            VALUES ({card.Id}, {card.Name}, {card.OwnerId}, {card.TeamId}, NULL, '-infinity')
            ON CONFLICT (customer_id) DO NOTHING
            """,
            cancellationToken);
        var copy = await Locked(db, card.Id).AsNoTracking().SingleAsync(cancellationToken);
        return copy.AsOf == DateTimeOffset.MinValue ? new CustomerScope(card.Id, card.OwnerId, card.TeamId, Archived: false) : copy.Scope;
    }

    /// <summary>The copy of a customer, locked until the transaction ends: a deal's creation and the event consumer take turns on it.</summary>
    public static IQueryable<CustomerCopy> Locked(DealsDbContext db, Guid customerId) =>
        db.CustomerCopies.FromSql($"SELECT * FROM deals.customer_copies WHERE customer_id = {customerId} FOR UPDATE");
}
