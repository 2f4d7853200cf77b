using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;

namespace CrmPlatform.Visits.Domain;

/// <summary>What came of confirming a planned visit with the customer the day before (约访).</summary>
public enum ConfirmationStatus
{
    Confirmed,
    Rescheduled,
    Cancelled,
    NoShow,
}

internal static class ConfirmationLimits
{
    public const int Reason = 500;
    public const int MaxLostMinutes = 24 * 60;
}

/// <summary>
/// A planned visit confirmed, moved, cancelled, or missed because the customer was not there. A cancellation or a
/// no-show records what it cost the rep: the time (a no-show's planned slot unless told otherwise) and the money (费用).
/// </summary>
internal sealed class VisitConfirmation : IOwnedRecord, IAudited
{
    private VisitConfirmation()
    {
    }

    public Guid Id { get; private init; }

    public Guid PlanId { get; private init; }

    /// <summary>The rep whose visit it is.</summary>
    public Guid OwnerId { get; private init; }

    public Guid? TeamId { get; private init; }

    public DateOnly Day { get; private init; }

    public Guid CustomerId { get; private init; }

    public ConfirmationStatus Status { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The day the customer moved the visit to.</summary>
    public DateOnly? RescheduledTo { get; private set; }

    public int LostMinutes { get; private set; }

    public decimal LostCost { get; private set; }

    public Guid RecordedBy { get; private set; }

    [NotAudited]
    public DateTimeOffset RecordedAt { get; private set; }

    public uint Version { get; private set; }

    public static VisitConfirmation For(VisitPlan plan, Guid customerId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PlanId = plan.Id,
        OwnerId = plan.OwnerId,
        TeamId = plan.TeamId,
        Day = plan.Day,
        CustomerId = customerId,
    };

    /// <summary>Records the outcome; a no-show only from the visit's day on, since the customer is not missed in advance.</summary>
    public Error? Record(ConfirmationOutcome outcome, PlannedVisit visit, DateOnly today, Guid by, DateTimeOffset now)
    {
        if (outcome.Status == ConfirmationStatus.NoShow && today < Day)
        {
            return Error.Unprocessable("confirmation.not_yet", "status", "A no-show is recorded on the visit's day or later.");
        }

        if (outcome.Status == ConfirmationStatus.Rescheduled && outcome.RescheduledTo == Day)
        {
            return Error.Unprocessable("confirmation.same_day", "rescheduledTo", "A rescheduled visit moves to another day.");
        }

        var slot = visit.From is { } from && visit.To is { } to ? (int)(to - from).TotalMinutes : 0;
        (Status, Reason, RescheduledTo, RecordedBy, RecordedAt) = (outcome.Status, outcome.Reason, outcome.RescheduledTo, by, now);
        (LostMinutes, LostCost) = outcome.Status switch
        {
            ConfirmationStatus.NoShow => (outcome.LostMinutes ?? slot, outcome.LostCost ?? 0),
            ConfirmationStatus.Cancelled => (outcome.LostMinutes ?? 0, outcome.LostCost ?? 0),
            _ => (0, 0m),
        };
        return null;
    }
}

/// <summary>An outcome as recorded: the reason for anything but a confirmation, the new day of a rescheduled visit, and the cost of a lost one.</summary>
internal sealed record ConfirmationOutcome(ConfirmationStatus Status, string? Reason, DateOnly? RescheduledTo, int? LostMinutes, decimal? LostCost);
