namespace CrmPlatform.Customers.Domain;

/// <summary>How a customer changed hands.</summary>
public enum OwnershipChangeKind
{
    /// <summary>A manager or above gave it to another rep.</summary>
    Transfer,

    /// <summary>Part of handing over a rep's whole book.</summary>
    BulkTransfer,

    /// <summary>Back to the team's pool: no interaction for the set days, or released by its owner.</summary>
    ReturnedToPool,

    /// <summary>Taken from the pool by a rep of the team.</summary>
    ClaimedFromPool,
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

    /// <summary>Null when it came from the pool.</summary>
    public Guid? FromOwnerId { get; private init; }

    public Guid? FromTeamId { get; private init; }

    /// <summary>Null when it went to the pool.</summary>
    public Guid? ToOwnerId { get; private init; }

    public Guid? ToTeamId { get; private init; }

    /// <summary>Who moved it; null for the system (a job).</summary>
    public Guid? ChangedBy { get; private init; }

    public DateTimeOffset ChangedAt { get; private init; }

    public string? Reason { get; private init; }

    public static OwnershipChange Record(Customer customer, Guid? toOwnerId, Guid? toTeamId, OwnershipChangeKind kind, Guid? changedBy, string? reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CustomerId = customer.Id,
        Kind = kind,
        FromOwnerId = customer.PooledAt is null ? customer.OwnerId : null,
        FromTeamId = customer.TeamId,
        ToOwnerId = toOwnerId,
        ToTeamId = toTeamId,
        ChangedBy = changedBy,
        ChangedAt = now,
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
    };
}
