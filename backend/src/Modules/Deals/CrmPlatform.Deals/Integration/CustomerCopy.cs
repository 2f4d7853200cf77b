using CrmPlatform.Deals.Domain;

namespace CrmPlatform.Deals.Integration;

/// <summary>
/// What Deals knows of a customer, kept current from the Customers module's events (ADR 0013): the
/// name a deal list shows and searches, and the owner, team and archive state that its deals copy onto
/// their own rows for their record scope (ADR 0031). Every event carries the whole card as of its time, so the
/// copy takes the newest one it has seen: an event that arrives late (delivery is at least once, in
/// best-effort order) never overwrites a newer one.
/// </summary>
internal sealed class CustomerCopy
{
    private CustomerCopy()
    {
    }

    public Guid CustomerId { get; private init; }

    public string Name { get; private set; } = string.Empty;

    public Guid OwnerId { get; private set; }

    public Guid? TeamId { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>When the facts held here were true: the time of the newest event applied.</summary>
    public DateTimeOffset AsOf { get; private set; }

    /// <summary>What deals on this customer copy of it for their record scope.</summary>
    public CustomerScope Scope => new(CustomerId, OwnerId, TeamId, ArchivedAt is not null);

    public static CustomerCopy Of(Guid customerId) => new() { CustomerId = customerId, AsOf = DateTimeOffset.MinValue };

    public void Observe(string name, Guid ownerId, Guid? teamId, DateTimeOffset? archivedAt, DateTimeOffset asOf)
    {
        if (asOf > AsOf)
        {
            (Name, OwnerId, TeamId, ArchivedAt, AsOf) = (name, ownerId, teamId, archivedAt, asOf);
        }
    }
}
