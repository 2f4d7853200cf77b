using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Text;
using CrmPlatform.Customers.Contracts.Following;

namespace CrmPlatform.Complaints.Domain;

/// <summary>How the complaint reached us (受理渠道).</summary>
public enum ComplaintChannel
{
    Phone,
    Email,
    Visit,
    Mailbox,
    WebForm,
    MarketReport,
}

public enum ComplaintSeverity
{
    Minor,
    Major,
    Critical,
}

/// <summary>The complaint procedure: received → investigating → resolution proposed → resolved → closed; a reopened complaint investigates again.</summary>
public enum ComplaintStatus
{
    Received,
    Investigating,
    ResolutionProposed,
    Resolved,
    Closed,
}

/// <summary>How a complaint is settled (处理方式).</summary>
public enum ResolutionKind
{
    FixOrImprove,

    /// <summary>The complaint was not factual: explained to the customer.</summary>
    Explain,
    ReturnOrRefund,
    NegotiatedRemedy,

    /// <summary>Sent back for repair.</summary>
    Repair,

    /// <summary>赠送: only for a major or critical complaint of a key customer.</summary>
    GoodwillGift,
}

/// <summary>What happened to a complaint, step by step: its workflow's history.</summary>
public enum ComplaintStepKind
{
    Received,
    Acknowledged,
    Investigating,
    ResolutionProposed,
    Resolved,
    Closed,
    Reopened,
    Reassigned,

    /// <summary>The promised time passed unresolved; the manager was told (by the system).</summary>
    Breached,

    /// <summary>Still unresolved a while after the breach; the directors were told (by the system).</summary>
    Escalated,

    /// <summary>Its root cause was named.</summary>
    CauseFound,

    /// <summary>An action to prevent it happening again (防止再发), with an owner and a due day.</summary>
    PreventionPlanned,

    PreventionDone,

    /// <summary>The customer was told how it stands (及时通知顾客), by a channel.</summary>
    CustomerUpdated,

    /// <summary>A standard answer (标准回答) was given to the customer: the step keeps which, and its edition.</summary>
    AnswerUsed,
}

internal static class ComplaintLimits
{
    public const int Title = 200;
    public const int Description = 4000;
    public const int Product = 100;
    public const int Contact = 100;
    public const int Note = 1000;
    public const decimal MaxCost = 999_999_999.99m;
    public const int CauseKey = 40;
    public const int CauseName = 50;
}

/// <summary>
/// A root-cause category (原因分类) of the configurable list Pareto counts by. Seeded with product quality, delivery,
/// service attitude, price / billing, documentation and other; a category in use is retired, never removed.
/// </summary>
internal sealed class ComplaintCause
{
    private ComplaintCause()
    {
    }

    public string Key { get; private init; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string EnglishName { get; private set; } = string.Empty;

    public int Position { get; private init; }

    /// <summary>A retired category stays on the complaints that have it, but is no longer chosen.</summary>
    public bool Active { get; private set; }

    public static ComplaintCause Create(string key, string name, string englishName, int position) =>
        new() { Key = key, Name = name.Trim(), EnglishName = englishName.Trim(), Position = position, Active = true };

    public void Rename(string name, string englishName, bool active) => (Name, EnglishName, Active) = (name.Trim(), englishName.Trim(), active);
}

/// <summary>What the intake records: the customer's words, as received, and the market report it was made from.</summary>
internal sealed record ComplaintIntake(
    ComplaintChannel Channel,
    ComplaintSeverity Severity,
    string Title,
    string Description,
    string? Product,
    string? ContactName,
    DateTimeOffset ReceivedAt,
    Guid? MarketReportId,
    ComplaintDeal? Deal = null);

/// <summary>The deal (Deals) a complaint is about, with its title as it was at intake.</summary>
internal sealed record ComplaintDeal(Guid Id, string Title);

/// <summary>The remedy proposed to the customer, with what it costs us.</summary>
internal sealed record Resolution(ResolutionKind Kind, string Description, decimal Cost);

/// <summary>
/// 客户投诉: a customer's complaint from intake to close. It carries its customer's scope (ADR 0031) — who may see it follows
/// the customer — and one owner at a time who handles it. The acknowledgement to the customer sets the promised time
/// (承诺时间); the resolution is proposed, carried out, and confirmed with the customer, who may reopen it. Every step is
/// kept with who and when.
/// </summary>
internal sealed class Complaint : IAudited
{
    private readonly List<ComplaintStep> _steps = [];

    private Complaint()
    {
    }

    public Guid Id { get; private init; }

    public Guid CustomerId { get; private set; }

    public string CustomerName { get; private set; } = string.Empty;

    public Guid CustomerOwnerId { get; private set; }

    public Guid? CustomerTeamId { get; private set; }

    public bool CustomerArchived { get; private set; }

    /// <summary>The customer was key (重点客户) when the complaint was received: what its promised time was set for.</summary>
    public bool KeyCustomer { get; private init; }

    public ComplaintChannel Channel { get; private init; }

    public ComplaintSeverity Severity { get; private init; }

    public string Title { get; private init; } = string.Empty;

    public string Description { get; private init; } = string.Empty;

    public string? Product { get; private init; }

    /// <summary>Who at the customer complained.</summary>
    public string? ContactName { get; private init; }

    public DateTimeOffset ReceivedAt { get; private init; }

    /// <summary>The market report (市场状况反映表, Visits) it was made from: one complaint per report.</summary>
    public Guid? MarketReportId { get; private init; }

    /// <summary>The deal (Deals) it is about, when it is about one; its title kept beside it.</summary>
    public Guid? DealId { get; private init; }

    public string? DealTitle { get; private init; }

    public Guid ReceivedBy { get; private init; }

    /// <summary>Who handles it now: service staff or a rep.</summary>
    public Guid OwnerId { get; private set; }

    public ComplaintStatus Status { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>How the acknowledgement reached the customer.</summary>
    public ComplaintChannel? AcknowledgedVia { get; private set; }

    /// <summary>
    /// 承诺时间: when it is to be resolved — from intake the SLA's time for its severity and customer, and once the
    /// customer is told, what they were promised.
    /// </summary>
    public DateTimeOffset PromisedAt { get; private set; }

    /// <summary>When its owner was warned that the promised time is near.</summary>
    public DateTimeOffset? WarnedAt { get; private set; }

    /// <summary>When the promised time was found passed with the complaint unresolved (the manager was told).</summary>
    public DateTimeOffset? BreachedAt { get; private set; }

    /// <summary>When the breach went to the directors.</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    public ResolutionKind? ResolutionKind { get; private set; }

    public string? ResolutionDescription { get; private set; }

    public decimal? ResolutionCost { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public int ReopenCount { get; private set; }

    /// <summary>The root cause's category (<see cref="ComplaintCause"/>).</summary>
    public string? CauseKey { get; private set; }

    public string? CauseNote { get; private set; }

    /// <summary>What is done so that it does not happen again (防止再发).</summary>
    public string? PreventionAction { get; private set; }

    public Guid? PreventionOwnerId { get; private set; }

    public DateOnly? PreventionDueOn { get; private set; }

    public DateTimeOffset? PreventionDoneAt { get; private set; }

    [NotAudited]
    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<ComplaintStep> Steps => _steps;

    public CustomerScope Customer => new(CustomerId, CustomerOwnerId, CustomerTeamId, CustomerArchived);

    public static Complaint Receive(
        CustomerScope customer, string customerName, bool keyCustomer, ComplaintIntake intake, DateTimeOffset slaDue, Guid ownerId, Guid by, DateTimeOffset now)
    {
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(now),
            CustomerName = customerName,
            KeyCustomer = keyCustomer,
            Channel = intake.Channel,
            Severity = intake.Severity,
            Title = intake.Title.Trim(),
            Description = intake.Description.Trim(),
            Product = OptionalText.Normalize(intake.Product),
            ContactName = OptionalText.Normalize(intake.ContactName),
            ReceivedAt = intake.ReceivedAt,
            MarketReportId = intake.MarketReportId,
            DealId = intake.Deal?.Id,
            DealTitle = intake.Deal?.Title,
            ReceivedBy = by,
            OwnerId = ownerId,
            Status = ComplaintStatus.Received,
            PromisedAt = slaDue,
            UpdatedAt = now,
        };
        complaint.Copy(customer, customerName);
        complaint.Step(ComplaintStepKind.Received, null, by, now);
        return complaint;
    }

    /// <summary>
    /// The customer as the module now knows it: its name, owner, team and archive, for who may see the complaint. When the
    /// customer went to another rep, a complaint its previous rep handled goes with it (a rep sees only their customers').
    /// </summary>
    public void FollowCustomer(CustomerScope customer, string customerName, DateTimeOffset now)
    {
        var previousOwner = CustomerOwnerId;
        Copy(customer, customerName);
        if (customer.OwnerId != previousOwner && OwnerId == previousOwner)
        {
            OwnerId = customer.OwnerId;
            Step(ComplaintStepKind.Reassigned, null, null, now);
        }
    }

    /// <summary>The customer was told we have the complaint, and by when it will be resolved (the SLA's time unless another is promised).</summary>
    public Error? Acknowledge(ComplaintChannel via, DateTimeOffset? promisedAt, Guid by, DateTimeOffset now)
    {
        if (AcknowledgedAt is not null)
        {
            return Error.Unprocessable("complaint.acknowledged", "acknowledgedAt", "The customer was already told; a reopening sets a new promised time.");
        }

        if (Status is ComplaintStatus.Resolved or ComplaintStatus.Closed)
        {
            return NotIn("acknowledged");
        }

        if (promisedAt <= ReceivedAt)
        {
            return Error.Unprocessable("complaint.promise_before_receipt", "promisedAt", "The promised time is after the complaint was received.");
        }

        (AcknowledgedAt, AcknowledgedVia) = (now, via);
        if (promisedAt is { } promise && promise != PromisedAt)
        {
            Promise(promise);
        }

        Step(ComplaintStepKind.Acknowledged, null, by, now);
        return null;
    }

    public Error? Investigate(Guid by, DateTimeOffset now)
    {
        if (Status != ComplaintStatus.Received)
        {
            return NotIn("investigated");
        }

        Status = ComplaintStatus.Investigating;
        Step(ComplaintStepKind.Investigating, null, by, now);
        return null;
    }

    /// <summary>A remedy for the customer; a goodwill gift (赠送) only for a major or critical complaint of a key customer.</summary>
    public Error? Propose(Resolution resolution, Guid by, DateTimeOffset now)
    {
        if (Status is not (ComplaintStatus.Investigating or ComplaintStatus.ResolutionProposed))
        {
            return NotIn("given a proposed resolution");
        }

        if (resolution.Kind == Domain.ResolutionKind.GoodwillGift && (!KeyCustomer || Severity == ComplaintSeverity.Minor))
        {
            return Error.Unprocessable("complaint.gift_not_warranted", "kind", "A goodwill gift is for a major or critical complaint of a key customer.");
        }

        (ResolutionKind, ResolutionDescription, ResolutionCost, Status) = (resolution.Kind, resolution.Description.Trim(), resolution.Cost, ComplaintStatus.ResolutionProposed);
        Step(ComplaintStepKind.ResolutionProposed, ResolutionDescription, by, now);
        return null;
    }

    /// <summary>The proposed remedy was carried out.</summary>
    public Error? Resolve(Guid by, DateTimeOffset now)
    {
        if (Status != ComplaintStatus.ResolutionProposed)
        {
            return NotIn("resolved");
        }

        (Status, ResolvedAt) = (ComplaintStatus.Resolved, now);
        Step(ComplaintStepKind.Resolved, null, by, now);
        return null;
    }

    /// <summary>The customer confirmed the resolution satisfied them.</summary>
    public Error? Close(string? note, Guid by, DateTimeOffset now)
    {
        if (Status != ComplaintStatus.Resolved)
        {
            return NotIn("closed");
        }

        (Status, ClosedAt) = (ComplaintStatus.Closed, now);
        Step(ComplaintStepKind.Closed, OptionalText.Normalize(note), by, now);
        return null;
    }

    /// <summary>The customer is not satisfied, or the complaint came back: it is investigated again, with its history, and counts as reopened.</summary>
    /// <param name="promisedAt">The new promise, the SLA's time from the reopening unless the customer was promised another.</param>
    public Error? Reopen(string reason, DateTimeOffset promisedAt, Guid by, DateTimeOffset now)
    {
        if (Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed))
        {
            return NotIn("reopened");
        }

        if (promisedAt <= now)
        {
            return Error.Unprocessable("complaint.promise_past", "promisedAt", "A reopened complaint is promised for a time still to come.");
        }

        (Status, ResolvedAt, ClosedAt, ReopenCount) = (ComplaintStatus.Investigating, null, null, ReopenCount + 1);
        Promise(promisedAt);
        Step(ComplaintStepKind.Reopened, reason.Trim(), by, now);
        return null;
    }

    public Error? AssignTo(Guid ownerId, Guid by, DateTimeOffset now)
    {
        if (Status == ComplaintStatus.Closed)
        {
            return NotIn("reassigned");
        }

        if (ownerId == OwnerId)
        {
            return Error.Unprocessable("complaint.same_owner", "ownerId", "The complaint is already theirs.");
        }

        OwnerId = ownerId;
        Step(ComplaintStepKind.Reassigned, null, by, now);
        return null;
    }

    /// <summary>The root cause, named (or named again) at any point of the procedure.</summary>
    public Error? RecordCause(string causeKey, string? note, Guid by, DateTimeOffset now)
    {
        (CauseKey, CauseNote) = (causeKey, OptionalText.Normalize(note));
        Step(ComplaintStepKind.CauseFound, CauseNote, by, now);
        return null;
    }

    /// <summary>An action against recurrence, once the cause is known; planning again replaces it and reopens it.</summary>
    public Error? PlanPrevention(string action, Guid ownerId, DateOnly dueOn, Guid by, DateTimeOffset now)
    {
        if (CauseKey is null)
        {
            return Error.Unprocessable("complaint.no_cause", "causeKey", "Name the root cause before planning how to prevent it.");
        }

        (PreventionAction, PreventionOwnerId, PreventionDueOn, PreventionDoneAt) = (action.Trim(), ownerId, dueOn, null);
        Step(ComplaintStepKind.PreventionPlanned, PreventionAction, by, now);
        return null;
    }

    public Error? CompletePrevention(Guid by, DateTimeOffset now)
    {
        if (PreventionAction is null)
        {
            return Error.Unprocessable("complaint.no_prevention", "preventionAction", "No prevention action is planned.");
        }

        if (PreventionDoneAt is not null)
        {
            return Error.Unprocessable("complaint.prevention_done", "preventionDoneAt", "The prevention action is already done.");
        }

        PreventionDoneAt = now;
        Step(ComplaintStepKind.PreventionDone, null, by, now);
        return null;
    }

    /// <summary>What the customer was told, and how: kept until the complaint is closed.</summary>
    public Error? UpdateCustomer(ComplaintChannel channel, string note, Guid by, DateTimeOffset now)
    {
        if (Status == ComplaintStatus.Closed)
        {
            return NotIn("followed up with the customer");
        }

        Step(ComplaintStepKind.CustomerUpdated, note.Trim(), by, now, channel);
        return null;
    }

    /// <summary>A standard answer was given to the customer; it is linked once per complaint, so its usage counts complaints.</summary>
    public Error? UseAnswer(StandardAnswer answer, bool usedBefore, Guid by, DateTimeOffset now)
    {
        if (Status == ComplaintStatus.Closed)
        {
            return NotIn("answered");
        }

        if (usedBefore)
        {
            return Error.Unprocessable("complaint.answer_used", "answerId", "This standard answer is already linked to the complaint.");
        }

        if (!answer.Active)
        {
            return Error.Unprocessable("standard_answer.retired", "answerId", "This standard answer is retired.");
        }

        Step(ComplaintStepKind.AnswerUsed, answer.Question, by, now, answer: (answer.Id, answer.Edition));
        return null;
    }

    /// <summary>Open: neither resolved nor closed, so its promised time still counts.</summary>
    public bool IsOpen => Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed);

    public bool IsOverdue(DateTimeOffset now) => IsOpen && PromisedAt < now;

    /// <summary>Its owner is warned once that the promised time is within <paramref name="warnBefore"/>.</summary>
    public bool WarnOwner(DateTimeOffset now, TimeSpan warnBefore)
    {
        if (!IsOpen || WarnedAt is not null || PromisedAt - warnBefore > now)
        {
            return false;
        }

        WarnedAt = now;
        return true;
    }

    /// <summary>The promised time passed unresolved: recorded once, as a step by the system.</summary>
    public bool RecordBreach(DateTimeOffset now)
    {
        if (BreachedAt is not null || !IsOverdue(now))
        {
            return false;
        }

        BreachedAt = now;
        Step(ComplaintStepKind.Breached, null, null, now);
        return true;
    }

    /// <summary>Still unresolved <paramref name="after"/> the breach: escalated once to the directors.</summary>
    public bool Escalate(DateTimeOffset now, TimeSpan after)
    {
        if (EscalatedAt is not null || BreachedAt is not { } breachedAt || breachedAt + after > now || !IsOpen)
        {
            return false;
        }

        EscalatedAt = now;
        Step(ComplaintStepKind.Escalated, null, null, now);
        return true;
    }

    private void Copy(CustomerScope customer, string customerName) =>
        (CustomerId, CustomerName, CustomerOwnerId, CustomerTeamId, CustomerArchived) = (customer.CustomerId, customerName, customer.OwnerId, customer.TeamId, customer.Archived);

    /// <summary>A new promise starts the SLA watch again.</summary>
    private void Promise(DateTimeOffset promisedAt) => (PromisedAt, WarnedAt, BreachedAt, EscalatedAt) = (promisedAt, null, null, null);

    private Error NotIn(string what) =>
        Error.Unprocessable("complaint.wrong_status", "status", $"A complaint that is {Status} cannot be {what}.");

    private void Step(ComplaintStepKind kind, string? note, Guid? by, DateTimeOffset now, ComplaintChannel? channel = null, (Guid Id, int Edition)? answer = null)
    {
        UpdatedAt = now;
        _steps.Add(ComplaintStep.Of(this, kind, note, by, now, channel, answer));
    }
}

/// <summary>One step of a complaint's way: what happened, its status after, who and when.</summary>
internal sealed class ComplaintStep
{
    private ComplaintStep()
    {
    }

    public Guid Id { get; private init; }

    public Guid ComplaintId { get; private init; }

    public ComplaintStepKind Kind { get; private init; }

    public ComplaintStatus Status { get; private init; }

    /// <summary>The owner after the step: whom a reassignment gave it to.</summary>
    public Guid OwnerId { get; private init; }

    public string? Note { get; private init; }

    /// <summary>How the customer was reached, for a customer update.</summary>
    public ComplaintChannel? Channel { get; private init; }

    /// <summary>Who took the step; null for the system (a breach, an escalation).</summary>
    public Guid? By { get; private init; }

    public DateTimeOffset At { get; private init; }

    /// <summary>The standard answer given, for an answer step.</summary>
    public Guid? AnswerId { get; private init; }

    /// <summary>Its edition when it was given: the words the customer heard.</summary>
    public int? AnswerEdition { get; private init; }

    public static ComplaintStep Of(Complaint complaint, ComplaintStepKind kind, string? note, Guid? by, DateTimeOffset now, ComplaintChannel? channel, (Guid Id, int Edition)? answer) => new()
    {
        AnswerId = answer?.Id,
        AnswerEdition = answer?.Edition,
        Id = Guid.CreateVersion7(now),
        ComplaintId = complaint.Id,
        Kind = kind,
        Status = complaint.Status,
        OwnerId = complaint.OwnerId,
        Note = note,
        Channel = channel,
        By = by,
        At = now,
    };
}
