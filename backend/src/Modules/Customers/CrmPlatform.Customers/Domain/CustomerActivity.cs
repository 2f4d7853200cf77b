using CrmPlatform.Customers.Contracts;

namespace CrmPlatform.Customers.Domain;

/// <summary>
/// When a customer was last on the timeline: what the contact cadence, the staleness indicator and the
/// pool count from. Kept in a row of its own, written only by timeline entries, so an entry never changes
/// the customer's version: a rep editing the profile is not told "changed by someone else" because a
/// colleague logged a call.
/// </summary>
internal sealed class CustomerActivity
{
    private CustomerActivity()
    {
    }

    public Guid CustomerId { get; private init; }

    /// <summary>The latest entry of any kind.</summary>
    public DateTimeOffset LastInteractionAt { get; private init; }

    /// <summary>The latest real contact: a call that reached the customer, a meeting or a visit. The call cadence counts from it.</summary>
    public DateTimeOffset? LastContactedAt { get; private init; }

    /// <summary>The latest face-to-face contact: a meeting or a visit. The visit cadence counts from it.</summary>
    public DateTimeOffset? LastVisitedAt { get; private init; }

    public static bool IsContact(InteractionKind kind, CallOutcome? outcome) =>
        kind is InteractionKind.Meeting or InteractionKind.Visit || (kind == InteractionKind.Call && outcome == CallOutcome.Reached);

    public static bool IsVisit(InteractionKind kind) => kind is InteractionKind.Meeting or InteractionKind.Visit;
}
