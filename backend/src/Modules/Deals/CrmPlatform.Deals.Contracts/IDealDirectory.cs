namespace CrmPlatform.Deals.Contracts;

/// <summary>
/// What other modules may ask the Deals module synchronously (ADR 0013): a batch of deals by id, with their title and
/// customer, among those the current caller may see — for a visit linked to the deal it was about.
/// </summary>
public interface IDealDirectory
{
    /// <summary>The deals among <paramref name="dealIds"/> that exist and are within the caller's record scope; the others are absent.</summary>
    Task<IReadOnlyDictionary<Guid, DealCard>> FindVisibleAsync(IReadOnlyCollection<Guid> dealIds, CancellationToken cancellationToken);
}

public sealed record DealCard(Guid Id, string Title, Guid CustomerId);
