namespace CrmPlatform.Customers.Domain;

/// <summary>How a customer changed hands.</summary>
public enum OwnershipChangeKind
{
    /// <summary>A manager or above gave it to another rep.</summary>
    Transfer,

    /// <summary>Part of handing over a rep's whole book.</summary>
    BulkTransfer,
}

internal static class OwnershipLimits
{
    public const int Reason = 200;
}

/// <summary>One move of a customer from one owner to another: the ownership history.</summary>
internal sealed class OwnershipChange
{
    private OwnershipChange()
    {
    }

    public Guid Id { get; private init; }

    public Guid CustomerId { get; private init; }

    public OwnershipChangeKind Kind { get; private init; }

    public Guid FromOwnerId { get; private init; }

    public Guid? FromTeamId { get; private init; }

    public Guid ToOwnerId { get; private init; }

    public Guid? ToTeamId { get; private init; }

    /// <summary>Who moved it; null for the system (a job).</summary>
    public Guid? ChangedBy { get; private init; }

    public DateTimeOffset ChangedAt { get; private init; }

    public string? Reason { get; private init; }

    public static OwnershipChange Record(Customer customer, Guid toOwnerId, Guid? toTeamId, OwnershipChangeKind kind, Guid? changedBy, string? reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CustomerId = customer.Id,
        Kind = kind,
        FromOwnerId = customer.OwnerId,
        FromTeamId = customer.TeamId,
        ToOwnerId = toOwnerId,
        ToTeamId = toTeamId,
        ChangedBy = changedBy,
        ChangedAt = now,
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
    };
}
