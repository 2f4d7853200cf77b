namespace CrmPlatform.Customers.Contracts;

/// <summary>
/// What other modules may ask the Customers module synchronously (ADR 0013): a batch of customers by
/// id, for names and owners, and whether the caller may see them. A module never reads the customers
/// schema itself.
/// </summary>
public interface ICustomerDirectory
{
    /// <summary>
    /// The customers among <paramref name="customerIds"/> that exist, are not archived and are within the
    /// current caller's record scope; ids missing from the answer are unknown or not visible (answer 404).
    /// </summary>
    Task<IReadOnlyDictionary<Guid, CustomerCard>> FindVisibleAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken);

    /// <summary>
    /// The customers <paramref name="ownerId"/> owns, by name, at most <paramref name="limit"/>: for work done on the
    /// owner's behalf without a caller (a module's demo data); the caller decides who may see them.
    /// </summary>
    Task<IReadOnlyList<CustomerCard>> OwnedByAsync(Guid ownerId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The customer, if it exists and is not archived, merged or in the pool, whoever asks: for work done without a caller
    /// (an event consumer learning a customer it missed); the caller decides who may see it.
    /// </summary>
    Task<CustomerCard?> FindAnyAsync(Guid customerId, CancellationToken cancellationToken);
}

/// <summary>A customer as another module shows it: name, the owner and team that record scope matches, and whether it is a key customer (重点客户).</summary>
public sealed record CustomerCard(Guid Id, string Name, Guid OwnerId, Guid? TeamId, bool Key);
