using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Persistence;

/// <summary>
/// Keeps a customer's copy of its contacts' names and phones (<see cref="CustomerSearch.ContactsColumn"/>), from
/// which PostgreSQL computes the customer's search columns, so one index finds a customer by either (ADR 0026).
/// Every write that adds, changes, moves or removes contacts calls it in its transaction. The customer's row, and
/// with it the customer's version, changes too: contacts are part of the customer.
/// </summary>
internal static class ContactSearch
{
    /// <summary>
    /// Rewrites only rows whose copy differs: a contact's likes or notes are not searched, and editing them leaves
    /// the customer's version alone. The function is created by the ContactsInCustomerSearch migration.
    /// </summary>
    public static Task RefreshContactSearchAsync(this CustomersDbContext db, Guid[] customerIds, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            UPDATE customers.customers SET contact_search = customers.contact_search(id)
            WHERE id = ANY({customerIds}) AND contact_search IS DISTINCT FROM customers.contact_search(id)
            """,
            cancellationToken);
}
