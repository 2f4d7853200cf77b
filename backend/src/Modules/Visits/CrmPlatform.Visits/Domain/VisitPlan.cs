using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;

namespace CrmPlatform.Visits.Domain;

/// <summary>Why a visit is made (计划拜访的项目或目的), seed 001's list.</summary>
public enum VisitPurpose
{
    DevelopCustomer,
    MarketResearch,
    CollectPayment,
    Service,
    ComplaintHandling,
    TakeOrder,
    Other,
}

/// <summary>Where a day's plan stands in its sign-off (主管核签).</summary>
public enum PlanStatus
{
    Draft,
    Submitted,
    Returned,
    Approved,
}

internal static class PlanLimits
{
    public const int MaxVisits = 30;
    public const int Area = 100;
    public const int Notes = 500;
    public const int Comment = 500;
}

/// <summary>One visit on a day's plan: whom, where, when, and why.</summary>
internal sealed record PlannedVisit(Guid CustomerId, string CustomerName, string? Area, TimeOnly? From, TimeOnly? To, VisitPurpose Purpose, string? Notes);

/// <summary>
/// 每日拜访计划表: a rep's visits for one day, signed off by their manager. Draft → submitted → approved, or returned with a
/// comment and submitted again. An approved plan is locked: a change after approval is an amendment the manager sees and
/// acknowledges.
/// </summary>
internal sealed class VisitPlan : IOwnedRecord, IAudited
{
    private VisitPlan()
    {
    }

    public Guid Id { get; private init; }

    /// <summary>The rep whose day it is.</summary>
    public Guid OwnerId { get; private init; }

    public Guid? TeamId { get; private init; }

    public DateOnly Day { get; private init; }

    public PlanStatus Status { get; private set; }

    public IReadOnlyList<PlannedVisit> Visits { get; private set; } = [];

    /// <summary>How many visits are planned: kept beside the list so that a month of plans is counted without reading them.</summary>
    public int VisitCount { get; private set; }

    /// <summary>The manager's comment when the plan was returned (退回意见).</summary>
    public string? ReturnComment { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public Guid? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>When the approved plan was last changed; null while no amendment waits for the manager.</summary>
    public DateTimeOffset? AmendedAt { get; private set; }

    [NotAudited]
    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static VisitPlan Draft(Guid repId, Guid? teamId, DateOnly day, IReadOnlyList<PlannedVisit> visits, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OwnerId = repId,
        TeamId = teamId,
        Day = day,
        Status = PlanStatus.Draft,
        Visits = visits,
        VisitCount = visits.Count,
        UpdatedAt = now,
    };

    /// <summary>The rep rewrites the visits: freely before sign-off, as an amendment after approval, never while it waits.</summary>
    public Error? Rewrite(IReadOnlyList<PlannedVisit> visits, DateTimeOffset now)
    {
        if (Status == PlanStatus.Submitted)
        {
            return Error.Unprocessable("plan.awaiting_review", "status", "The plan waits for your manager: it changes once returned or approved.");
        }

        (Visits, VisitCount, UpdatedAt) = (visits, visits.Count, now);
        if (Status == PlanStatus.Approved)
        {
            AmendedAt = now;
        }

        return null;
    }

    public Error? Submit(DateTimeOffset now)
    {
        if (Status is not (PlanStatus.Draft or PlanStatus.Returned))
        {
            return Error.Unprocessable("plan.not_draft", "status", $"The plan is {Status.ToString().ToLowerInvariant()}: only a draft or a returned plan is submitted.");
        }

        if (Visits.Count == 0)
        {
            return Error.Unprocessable("plan.empty", "visits", "A plan is submitted with at least one visit.");
        }

        (Status, SubmittedAt, UpdatedAt) = (PlanStatus.Submitted, now, now);
        return null;
    }

    public Error? Approve(Guid by, DateTimeOffset now)
    {
        if (Status != PlanStatus.Submitted)
        {
            return Error.Unprocessable("plan.not_submitted", "status", $"The plan is {Status.ToString().ToLowerInvariant()}: only a submitted plan is signed off.");
        }

        (Status, ReturnComment, ReviewedBy, ReviewedAt, UpdatedAt) = (PlanStatus.Approved, null, by, now, now);
        return null;
    }

    public Error? Return(string comment, Guid by, DateTimeOffset now)
    {
        if (Status != PlanStatus.Submitted)
        {
            return Error.Unprocessable("plan.not_submitted", "status", $"The plan is {Status.ToString().ToLowerInvariant()}: only a submitted plan is returned.");
        }

        (Status, ReturnComment, ReviewedBy, ReviewedAt, UpdatedAt) = (PlanStatus.Returned, comment.Trim(), by, now, now);
        return null;
    }

    /// <summary>The manager has seen the amendment to the approved plan.</summary>
    public Error? Acknowledge(Guid by, DateTimeOffset now)
    {
        if (AmendedAt is null)
        {
            return Error.Unprocessable("plan.not_amended", "amendedAt", "Nothing in the plan has changed since it was approved.");
        }

        (AmendedAt, ReviewedBy, ReviewedAt, UpdatedAt) = (null, by, now, now);
        return null;
    }
}
