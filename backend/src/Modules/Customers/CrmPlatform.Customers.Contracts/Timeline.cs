using CrmPlatform.BuildingBlocks.Outbox;

namespace CrmPlatform.Customers.Contracts;

/// <summary>What happened between a rep and a customer (the timeline of the relationship card).</summary>
public enum InteractionKind
{
    Call,
    Email,
    Meeting,
    Visit,
    Message,
    Gift,
    Note,

    /// <summary>The customer bought (a won deal); recorded only from a <see cref="RecordPurchase"/>, never by hand.</summary>
    Purchase,

    /// <summary>The customer complained; recorded only by the Complaints module's intake, never by hand.</summary>
    Complaint,
}

/// <summary>Whether a call reached the customer; only calls have one.</summary>
public enum CallOutcome
{
    Reached,
    NotReached,
}

/// <summary>
/// How another module puts an entry on a customer's timeline (a completed visit, a won deal, a
/// complaint): publish this through its outbox. Customers records it once, however often it is
/// delivered. The event's id is the entry's identity; <paramref name="Source"/> names the module.
/// </summary>
/// <param name="RecordedBy">The user the entry is attributed to; null for the system.</param>
/// <param name="NextStepDue">A calendar day (Asia/Shanghai), not an instant.</param>
/// <param name="DurationMinutes">How long a call, meeting or visit took, when it was timed: selling time (销售中所用的时间).</param>
public sealed record RecordInteraction(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid CustomerId,
    InteractionKind Kind,
    CallOutcome? Outcome,
    Guid? RecordedBy,
    string Summary,
    string? NextStep,
    DateOnly? NextStepDue,
    string Source,
    int? DurationMinutes = null) : IntegrationEvent(EventId, OccurredAt);
