using CrmPlatform.BuildingBlocks.Security;

namespace CrmPlatform.Deals.Integration;

/// <summary>
/// What Deals knows of a customer, kept current from the Customers module's events (ADR 0013): the
/// name a deal list shows and searches, and the owner and team its record scope matches, read with
/// the deals in one query of this schema. Each fact remembers when it was true, so an event that
/// arrives late (delivery is at least once, in best-effort order) never overwrites a newer one.
/// </summary>
internal sealed class CustomerCopy : IOwnedRecord
{
    private CustomerCopy()
    {
    }

    public Guid CustomerId { get; private init; }

    public string Name { get; private set; } = string.Empty;

    public DateTimeOffset NameAsOf { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid? TeamId { get; private set; }

    public DateTimeOffset OwnerAsOf { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }

    public static CustomerCopy Create(Guid customerId, string name, Guid ownerId, Guid? teamId, DateTimeOffset asOf) => new()
    {
        CustomerId = customerId,
        Name = name,
        NameAsOf = asOf,
        OwnerId = ownerId,
        TeamId = teamId,
        OwnerAsOf = asOf,
    };

    public void Rename(string name, DateTimeOffset asOf)
    {
        if (asOf > NameAsOf)
        {
            (Name, NameAsOf) = (name, asOf);
        }
    }

    public void AssignTo(Guid ownerId, Guid? teamId, DateTimeOffset asOf)
    {
        if (asOf > OwnerAsOf)
        {
            (OwnerId, TeamId, OwnerAsOf) = (ownerId, teamId, asOf);
        }
    }

    public void Archive(DateTimeOffset asOf) => ArchivedAt ??= asOf;
}
