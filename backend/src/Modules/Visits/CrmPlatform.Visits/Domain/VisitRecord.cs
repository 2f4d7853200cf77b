using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Text;

namespace CrmPlatform.Visits.Domain;

internal static class VisitLimits
{
    public const int Outcome = 1000;
    public const int NextStep = 500;
    public const decimal MaxCost = 999_999.99m;
}

/// <summary>Where the browser said the rep was, when it said so: never required, kept with its accuracy.</summary>
internal sealed record VisitLocation(double Latitude, double Longitude, double AccuracyMeters);

/// <summary>
/// A visit as it happened: checked in at the customer, checked out with its outcome, next step and cost (费用). A
/// completed visit is put on the customer's timeline, with how long it took.
/// </summary>
internal sealed class VisitRecord : IOwnedRecord, IAudited
{
    private VisitRecord()
    {
    }

    public Guid Id { get; private init; }

    public Guid OwnerId { get; private init; }

    public Guid? TeamId { get; private init; }

    public Guid CustomerId { get; private init; }

    public string CustomerName { get; private init; } = string.Empty;

    /// <summary>The day's plan the visit was on, when it was planned.</summary>
    public Guid? PlanId { get; private init; }

    public VisitPurpose Purpose { get; private init; }

    public DateTimeOffset CheckedInAt { get; private init; }

    public VisitLocation? CheckInLocation { get; private init; }

    public DateTimeOffset? CheckedOutAt { get; private set; }

    public VisitLocation? CheckOutLocation { get; private set; }

    public string? Outcome { get; private set; }

    public string? NextStep { get; private set; }

    public DateOnly? NextStepDue { get; private set; }

    /// <summary>What the visit cost (费用), in yuan.</summary>
    public decimal? Cost { get; private set; }

    /// <summary>The visit led to an order (成交): what the transaction rate counts.</summary>
    public bool Ordered { get; private set; }

    /// <summary>The deal the visit was about, when there was one (its title kept beside it).</summary>
    public Guid? DealId { get; private set; }

    public string? DealTitle { get; private set; }

    /// <summary>The complaint the visit was about, when there was one (its title kept beside it): the customer was told in person.</summary>
    public Guid? ComplaintId { get; private set; }

    public string? ComplaintTitle { get; private set; }

    public uint Version { get; private set; }

    public static VisitRecord CheckIn(Guid repId, Guid? teamId, Guid customerId, string customerName, Guid? planId, VisitPurpose purpose, VisitLocation? location, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OwnerId = repId,
        TeamId = teamId,
        CustomerId = customerId,
        CustomerName = customerName,
        PlanId = planId,
        Purpose = purpose,
        CheckedInAt = now,
        CheckInLocation = location,
    };

    public Error? CheckOut(
        string outcome, string? nextStep, DateOnly? nextStepDue, decimal? cost, bool ordered, LinkedRecord? deal, LinkedRecord? complaint, VisitLocation? location, DateTimeOffset now)
    {
        if (CheckedOutAt is not null)
        {
            return Error.Unprocessable("visit.checked_out", "checkedOutAt", "The visit is already checked out.");
        }

        (CheckedOutAt, CheckOutLocation, Outcome, NextStep, NextStepDue, Cost, Ordered) =
            (now, location, outcome.Trim(), OptionalText.Normalize(nextStep), nextStepDue, cost, ordered);
        (DealId, DealTitle, ComplaintId, ComplaintTitle) = (deal?.Id, deal?.Title, complaint?.Id, complaint?.Title);
        return null;
    }

    /// <summary>Whole minutes between check-in and check-out, at least one: the selling time the visit put on the timeline.</summary>
    public int DurationMinutes => CheckedOutAt is { } outAt ? Math.Max(1, (int)Math.Round((outAt - CheckedInAt).TotalMinutes, MidpointRounding.AwayFromZero)) : 0;
}

/// <summary>A record of another module a visit was about (a deal, a complaint): its id, and its title as it was then.</summary>
internal sealed record LinkedRecord(Guid Id, string Title);
