using CrmPlatform.BuildingBlocks.Outbox;

namespace CrmPlatform.Customers.Contracts;

// What the Customers module tells the others (ADR 0013). Every event carries the customer's card as
// it stood when the event happened, so a module that keeps a copy applies the newest event it has
// seen, whatever order they arrive in, and learns a customer from any event about it.

/// <summary>The customer facts every event carries.</summary>
public interface ICustomerEvent
{
    Guid CustomerId { get; }

    string Name { get; }

    Guid OwnerId { get; }

    /// <summary>The owner's team: what managers' record scope matches.</summary>
    Guid? TeamId { get; }
}

public sealed record CustomerCreated(Guid EventId, DateTimeOffset OccurredAt, Guid CustomerId, string Name, Guid OwnerId, Guid? TeamId)
    : IntegrationEvent(EventId, OccurredAt), ICustomerEvent;

public sealed record CustomerRenamed(Guid EventId, DateTimeOffset OccurredAt, Guid CustomerId, string Name, Guid OwnerId, Guid? TeamId)
    : IntegrationEvent(EventId, OccurredAt), ICustomerEvent;

/// <summary>The customer went to another rep (and so, perhaps, to another team).</summary>
public sealed record CustomerOwnerChanged(Guid EventId, DateTimeOffset OccurredAt, Guid CustomerId, string Name, Guid OwnerId, Guid? TeamId, Guid PreviousOwnerId)
    : IntegrationEvent(EventId, OccurredAt), ICustomerEvent;

/// <summary>Soft-deleted: hidden everywhere, kept for history.</summary>
public sealed record CustomerArchived(Guid EventId, DateTimeOffset OccurredAt, Guid CustomerId, string Name, Guid OwnerId, Guid? TeamId)
    : IntegrationEvent(EventId, OccurredAt), ICustomerEvent;

/// <summary>
/// The customer was a duplicate and was merged into <paramref name="SurvivorId"/>: gone like an archived one,
/// and whatever a module keeps about it now belongs to the survivor.
/// </summary>
public sealed record CustomerMerged(Guid EventId, DateTimeOffset OccurredAt, Guid CustomerId, string Name, Guid OwnerId, Guid? TeamId, Guid SurvivorId)
    : IntegrationEvent(EventId, OccurredAt), ICustomerEvent;

/// <summary>
/// Customers an import created together (a batch, up to a thousand): one event for the batch, as one per customer
/// would keep every consumer busy long after the import is done.
/// </summary>
public sealed record CustomersImported(Guid EventId, DateTimeOffset OccurredAt, IReadOnlyList<ImportedCustomer> Customers)
    : IntegrationEvent(EventId, OccurredAt);

/// <summary>One customer of <see cref="CustomersImported"/>: the facts every customer event carries.</summary>
public sealed record ImportedCustomer(Guid CustomerId, string Name, Guid OwnerId, Guid? TeamId);
