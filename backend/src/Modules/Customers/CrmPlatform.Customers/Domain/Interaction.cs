using CrmPlatform.Customers.Contracts;

namespace CrmPlatform.Customers.Domain;

internal static class InteractionLimits
{
    /// <summary>A day's minutes: the longest one entry can have taken.</summary>
    public const int MaxDurationMinutes = 1440;

    public const int Summary = 1000;
    public const int NextStep = 500;
    public const int Source = 50;
}

/// <summary>
/// One entry of a customer's timeline. Entries are facts about the past: recorded once, never edited.
/// The id is a UUID v7 of when it happened, so the timeline's order (newest first) is the id's order.
/// </summary>
internal sealed class Interaction
{
    private Interaction()
    {
    }

    public Guid Id { get; private init; }

    public Guid CustomerId { get; private init; }

    public InteractionKind Kind { get; private init; }

    public CallOutcome? Outcome { get; private init; }

    public DateTimeOffset OccurredAt { get; private init; }

    public Guid? RecordedBy { get; private init; }

    public string Summary { get; private init; } = string.Empty;

    public string? NextStep { get; private init; }

    public DateOnly? NextStepDue { get; private init; }

    /// <summary>Minutes a call, meeting or visit took, when it was timed.</summary>
    public int? DurationMinutes { get; private init; }

    /// <summary>Which module recorded it ("customers" for the card itself).</summary>
    public string Source { get; private init; } = string.Empty;

    /// <summary>The integration event that brought it, when another module recorded it: delivered twice, recorded once.</summary>
    public Guid? SourceEventId { get; private init; }

    public static Interaction Record(RecordInteraction entry, bool fromEvent) => new()
    {
        Id = Guid.CreateVersion7(entry.OccurredAt),
        CustomerId = entry.CustomerId,
        Kind = entry.Kind,
        Outcome = entry.Kind == InteractionKind.Call ? entry.Outcome : null,
        OccurredAt = entry.OccurredAt,
        RecordedBy = entry.RecordedBy,
        Summary = entry.Summary.Trim(),
        NextStep = string.IsNullOrWhiteSpace(entry.NextStep) ? null : entry.NextStep.Trim(),
        NextStepDue = entry.NextStepDue,
        DurationMinutes = entry.Kind is InteractionKind.Call or InteractionKind.Meeting or InteractionKind.Visit ? entry.DurationMinutes : null,
        Source = entry.Source,
        SourceEventId = fromEvent ? entry.EventId : null,
    };
}
