using CrmPlatform.Customers.Contracts;
using CrmPlatform.Deals.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Integration;

internal static class CustomerCopies
{
    /// <summary>
    /// Makes sure Deals knows a customer a deal is about to be written for, from the card the Customers module just
    /// answered: its events may not have arrived yet (a deal right after the customer's creation). The card is kept as
    /// older than any event (as of the earliest instant), so the first event to arrive replaces it; a copy already
    /// there, or one the event consumer writes at the same moment, is left alone.
    /// </summary>
    public static Task EnsureAsync(DealsDbContext db, CustomerCard card, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO deals.customer_copies (customer_id, name, owner_id, team_id, archived_at, as_of)
            VALUES ({card.Id}, {card.Name}, {card.OwnerId}, {card.TeamId}, NULL, '-infinity')
            ON CONFLICT (customer_id) DO NOTHING
            """,
            cancellationToken);
}
