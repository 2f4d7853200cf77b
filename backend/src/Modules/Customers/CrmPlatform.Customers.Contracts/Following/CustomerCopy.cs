using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Customers.Contracts.Following;

/// <summary>What a module's record copies of its customer for its record scope (ADR 0031).</summary>
public sealed record CustomerScope(Guid CustomerId, Guid OwnerId, Guid? TeamId, bool Archived);

/// <summary>
/// What a module knows of a customer, kept current from the Customers module's events (ADR 0013) by its
/// <see cref="CustomerFollower{TContext}"/>: the name its lists show and search, and the owner, team and archive state
/// its records copy onto their own rows for their record scope (ADR 0031). Every event carries the whole card as of its
/// time, so the copy takes the newest one it has seen: an event that arrives late (delivery is at least once, in
/// best-effort order) never overwrites a newer one.
/// </summary>
public sealed class CustomerCopy
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

    /// <summary>What the module's records of this customer copy of it for their record scope.</summary>
    public CustomerScope Scope => new(CustomerId, OwnerId, TeamId, ArchivedAt is not null);

    public static CustomerCopy Of(Guid customerId) => new() { CustomerId = customerId, AsOf = DateTimeOffset.MinValue };

    /// <summary>The table each following module keeps in its own schema: <c>customer_copies</c>.</summary>
    public static void Configure(EntityTypeBuilder<CustomerCopy> b)
    {
        b.ToTable("customer_copies");
        b.HasKey(c => c.CustomerId);
        b.Property(c => c.Name).HasMaxLength(100);
    }

    public void Observe(string name, Guid ownerId, Guid? teamId, DateTimeOffset? archivedAt, DateTimeOffset asOf)
    {
        if (asOf > AsOf)
        {
            (Name, OwnerId, TeamId, ArchivedAt, AsOf) = (name, ownerId, teamId, archivedAt, asOf);
        }
    }
}
