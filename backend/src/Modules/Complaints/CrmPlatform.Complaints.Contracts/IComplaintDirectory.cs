namespace CrmPlatform.Complaints.Contracts;

/// <summary>
/// What other modules may ask the Complaints module about single complaints (ADR 0013): a visit is checked out as being
/// about one of its customer's complaints.
/// </summary>
public interface IComplaintDirectory
{
    /// <summary>The complaint, when it exists and the current caller may see it (record scope, as on <c>GET /complaints</c>).</summary>
    Task<ComplaintCard?> FindVisibleAsync(Guid id, CancellationToken cancellationToken);
}

/// <param name="Closed">Closed: the customer confirmed the resolution; nothing more is recorded on it.</param>
public sealed record ComplaintCard(Guid Id, string Title, Guid CustomerId, bool Closed);
