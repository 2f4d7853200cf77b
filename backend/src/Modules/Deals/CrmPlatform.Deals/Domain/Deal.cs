using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Text;
using CrmPlatform.Customers.Contracts.Following;

namespace CrmPlatform.Deals.Domain;

/// <summary>Where a deal stands: being worked on, won (成交), or lost.</summary>
public enum DealStatus
{
    Open,
    Won,
    Lost,
}

/// <summary>Why a deal was lost: a fixed list, so the reasons can be counted (the Pareto of lost deals).</summary>
public enum LostReason
{
    Price,
    Competitor,
    NoBudget,
    NoDecision,
    NoNeed,
    Timing,
    ProductFit,
    Relationship,
    Other,
}

internal static class DealLimits
{
    public const int Title = 200;
    public const int NextStep = 500;
    public const int LostNote = 500;
    public const int MaxLines = 100;
    public const decimal MaxQuantity = 999_999_999m;
}

/// <summary>Who may see a customer (its owner and team) and whether it is archived: what a deal's visibility needs of it.</summary>
/// <summary>What a rep writes about a deal; the amount counts only when the deal has no lines.</summary>
/// <param name="ProbabilityOverride">Percent; null: the stage's.</param>
internal sealed record DealDetails(string Title, decimal? Amount, DateOnly? ExpectedCloseOn, int? ProbabilityOverride, string? NextStep, DateOnly? NextStepDue);

/// <summary>A line as it is written: the product (copied from the catalogue when it came from there) and the price.</summary>
internal sealed record LineDetails(Guid? ProductId, string Product, string? Spec, string? Unit, string? Category, decimal Quantity, decimal UnitPrice, decimal DiscountPercent, decimal? UnitCost);

/// <summary>
/// A deal (商机) on a customer: it moves through the pipeline's open stages, is won (and then through the won stages)
/// or lost with a reason. Each move is kept in <see cref="StageChanges"/>, with who and when. A won or lost deal no
/// longer changes its terms: what was sold has been reported to the customer's archive.
/// </summary>
internal sealed class Deal : IOwnedRecord, IAudited
{
    private readonly List<DealLine> _lines = [];
    private readonly List<DealStageChange> _stageChanges = [];

    private Deal()
    {
    }

    public Guid Id { get; private init; }

    public Guid CustomerId { get; private set; }

    /// <summary>
    /// The customer's owner, team and archive state, copied from Deals' copy of the customer: the other half of the
    /// deal's record scope, kept on the deal so that a board or a list is read from this one table (ADR 0031).
    /// </summary>
    [NotAudited]
    public Guid CustomerOwnerId { get; private set; }

    [NotAudited]
    public Guid? CustomerTeamId { get; private set; }

    [NotAudited]
    public bool CustomerArchived { get; private set; }

    public CustomerScope Customer => new(CustomerId, CustomerOwnerId, CustomerTeamId, CustomerArchived);

    public string Title { get; private set; } = string.Empty;

    public Guid OwnerId { get; private set; }

    public Guid? TeamId { get; private set; }

    /// <summary>The <see cref="PipelineStage.Key"/> the deal is in.</summary>
    public string Stage { get; private set; } = string.Empty;

    public int? ProbabilityOverride { get; private set; }

    /// <summary>The lines' total when there are lines, else what the rep entered.</summary>
    public decimal Amount { get; private set; }

    /// <summary>The lines' cost when every line's is known; null otherwise.</summary>
    public decimal? Cost { get; private set; }

    public string Currency { get; private init; } = Money.Currency;

    public DateOnly? ExpectedCloseOn { get; private set; }

    public string? NextStep { get; private set; }

    public DateOnly? NextStepDue { get; private set; }

    public DealStatus Status { get; private set; }

    /// <summary>The day it was won (Asia/Shanghai).</summary>
    public DateOnly? WonOn { get; private set; }

    /// <summary>Who owned the deal when it was won: whose sale it is (targets, commission), wherever the customer goes later.</summary>
    public Guid? WonBy { get; private set; }

    public LostReason? LostReason { get; private set; }

    public string? LostNote { get; private set; }

    [NotAudited]
    public DateTimeOffset? ClosedAt { get; private set; }

    public Guid CreatedBy { get; private init; }

    [NotAudited]
    public DateTimeOffset CreatedAt { get; private init; }

    [NotAudited]
    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<DealLine> Lines => _lines;

    public IReadOnlyList<DealStageChange> StageChanges => _stageChanges;

    public static Deal Create(
        CustomerScope customer, DealDetails details, IReadOnlyList<LineDetails> lines, Guid ownerId, Guid? teamId, string stage, Guid by, DateTimeOffset now)
    {
        var deal = new Deal
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = customer.CustomerId,
            CustomerOwnerId = customer.OwnerId,
            CustomerTeamId = customer.TeamId,
            CustomerArchived = customer.Archived,
            OwnerId = ownerId,
            TeamId = teamId,
            Stage = stage,
            Status = DealStatus.Open,
            CreatedBy = by,
            CreatedAt = now,
        };
        deal.Apply(details, lines, now);
        deal._stageChanges.Add(DealStageChange.Of(deal, fromStage: null, by, now));
        return deal;
    }

    public static readonly Error Closed = Error.Unprocessable("deal.closed", "status", "The deal is won or lost: its terms no longer change.");

    /// <summary>New terms for an open deal (PUT): everything a rep writes, lines included.</summary>
    public Error? Describe(DealDetails details, IReadOnlyList<LineDetails> lines, DateTimeOffset now)
    {
        if (Status != DealStatus.Open)
        {
            return Closed;
        }

        Apply(details, lines, now);
        return null;
    }

    public void AssignTo(Guid ownerId, Guid? teamId, DateTimeOffset now)
    {
        if ((OwnerId, TeamId) != (ownerId, teamId))
        {
            (OwnerId, TeamId, UpdatedAt) = (ownerId, teamId, now);
        }
    }

    /// <summary>
    /// To another stage of its phase: an open deal among the open stages, a won one among the won stages (双方成交 →
    /// 售后服务). Winning and losing are their own commands, with their own facts.
    /// </summary>
    public Error? MoveTo(PipelineStage stage, Guid by, DateTimeOffset now)
    {
        if (Status == DealStatus.Lost)
        {
            return Error.Unprocessable("deal.lost", "stage", "The deal is lost: reopen it before moving it.");
        }

        if (stage.Phase == StagePhase.Won && Status == DealStatus.Open)
        {
            return Error.Unprocessable("deal.win_required", "stage", "A deal reaches a won stage by being won (POST /deals/{id}/win), with the day it was won.");
        }

        if (stage.Phase == StagePhase.Open && Status == DealStatus.Won)
        {
            return Error.Unprocessable("deal.won", "stage", "The deal is won: it can move only among the won stages.");
        }

        if (stage.Key != Stage)
        {
            var from = Stage;
            (Stage, UpdatedAt) = (stage.Key, now);
            _stageChanges.Add(DealStageChange.Of(this, from, by, now));
        }

        return null;
    }

    /// <summary>成交: into <paramref name="wonStage"/>, the first won stage, on <paramref name="wonOn"/>.</summary>
    public Error? Win(PipelineStage wonStage, DateOnly wonOn, Guid by, DateTimeOffset now)
    {
        if (Status != DealStatus.Open)
        {
            return Error.Unprocessable("deal.not_open", "status", $"The deal is already {Status.ToString().ToLowerInvariant()}.");
        }

        if (Amount <= 0)
        {
            return Error.Unprocessable("deal.amount_required", "amount", "A deal is won for an amount: give it an amount or lines first.");
        }

        var from = Stage;
        (Status, Stage, WonOn, WonBy, ClosedAt, UpdatedAt) = (DealStatus.Won, wonStage.Key, wonOn, OwnerId, now, now);
        _stageChanges.Add(DealStageChange.Of(this, from, by, now));
        return null;
    }

    public Error? Lose(LostReason reason, string? note, Guid by, DateTimeOffset now)
    {
        if (Status != DealStatus.Open)
        {
            return Error.Unprocessable("deal.not_open", "status", $"The deal is already {Status.ToString().ToLowerInvariant()}.");
        }

        (Status, LostReason, LostNote, ClosedAt, UpdatedAt) = (DealStatus.Lost, reason, OptionalText.Normalize(note), now, now);
        _stageChanges.Add(DealStageChange.Of(this, Stage, by, now));
        return null;
    }

    /// <summary>A lost deal comes back to life in the stage it was lost in; the reason stays in the history.</summary>
    public Error? Reopen(Guid by, DateTimeOffset now)
    {
        if (Status != DealStatus.Lost)
        {
            return Error.Unprocessable("deal.not_lost", "status", "Only a lost deal can be reopened.");
        }

        (Status, LostReason, LostNote, ClosedAt, UpdatedAt) = (DealStatus.Open, null, null, null, now);
        _stageChanges.Add(DealStageChange.Of(this, Stage, by, now));
        return null;
    }

    /// <summary>The customer was merged into another: its deals are the survivor's, and its owner's.</summary>
    public void MoveToCustomer(CustomerScope survivor, DateTimeOffset now)
    {
        (CustomerId, UpdatedAt) = (survivor.CustomerId, now);
        FollowCustomer(survivor, now);
    }

    /// <summary>
    /// The customer as Deals now knows it (a new owner, an archive), for the deal's visibility. When the customer went to
    /// another rep, a deal its previous owner worked goes with it: the new owner works the customer's deals and sees their
    /// history. A deal someone else owns stays theirs; whose sale a won deal was stays in <see cref="WonBy"/>.
    /// </summary>
    public void FollowCustomer(CustomerScope customer, DateTimeOffset now)
    {
        var previousCustomerOwner = CustomerOwnerId;
        (CustomerOwnerId, CustomerTeamId, CustomerArchived) = (customer.OwnerId, customer.TeamId, customer.Archived);
        if (customer.OwnerId != previousCustomerOwner && OwnerId == previousCustomerOwner)
        {
            AssignTo(customer.OwnerId, customer.TeamId, now);
        }
    }

    private void Apply(DealDetails details, IReadOnlyList<LineDetails> lines, DateTimeOffset now)
    {
        Title = details.Title.Trim();
        ProbabilityOverride = details.ProbabilityOverride;
        ExpectedCloseOn = details.ExpectedCloseOn;
        NextStep = OptionalText.Normalize(details.NextStep);
        NextStepDue = NextStep is null ? null : details.NextStepDue;
        _lines.Clear();
        _lines.AddRange(lines.Select((line, index) => DealLine.Of(Id, index, line)));
        Amount = _lines.Count > 0 ? _lines.Sum(l => l.Amount) : details.Amount ?? 0;
        Cost = _lines.Count > 0 && _lines.All(l => l.Cost is not null) ? _lines.Sum(l => l.Cost!.Value) : null;
        UpdatedAt = now;
    }
}

/// <summary>One product on a deal, priced: quantity × unit price less the discount.</summary>
internal sealed class DealLine
{
    private DealLine()
    {
    }

    public Guid Id { get; private init; }

    public Guid DealId { get; private init; }

    public int Position { get; private init; }

    /// <summary>The catalogue product it was picked from; null for one typed in.</summary>
    public Guid? ProductId { get; private init; }

    public string Product { get; private init; } = string.Empty;

    public string? Spec { get; private init; }

    public string? Unit { get; private init; }

    public string? Category { get; private init; }

    public decimal Quantity { get; private init; }

    public decimal UnitPrice { get; private init; }

    public decimal DiscountPercent { get; private init; }

    public decimal? UnitCost { get; private init; }

    /// <summary>Quantity × unit price × (100 − discount) / 100, to the fen.</summary>
    public decimal Amount { get; private init; }

    /// <summary>Quantity × unit cost, to the fen; null when the unit cost is unknown.</summary>
    public decimal? Cost { get; private init; }

    public static DealLine Of(Guid dealId, int position, LineDetails line) => new()
    {
        Id = Guid.CreateVersion7(),
        DealId = dealId,
        Position = position,
        ProductId = line.ProductId,
        Product = line.Product.Trim(),
        Spec = OptionalText.Normalize(line.Spec),
        Unit = OptionalText.Normalize(line.Unit),
        Category = OptionalText.Normalize(line.Category),
        Quantity = line.Quantity,
        UnitPrice = line.UnitPrice,
        DiscountPercent = line.DiscountPercent,
        UnitCost = line.UnitCost,
        Amount = Money.Round(line.Quantity * line.UnitPrice * (100 - line.DiscountPercent) / 100),
        Cost = line.UnitCost is { } unitCost ? Money.Round(line.Quantity * unitCost) : null,
    };
}

/// <summary>One step of a deal's history: the stage and status it reached, from which stage, who moved it, when.</summary>
internal sealed class DealStageChange
{
    private DealStageChange()
    {
    }

    public Guid Id { get; private init; }

    public Guid DealId { get; private init; }

    /// <summary>Null for the deal's creation.</summary>
    public string? FromStage { get; private init; }

    public string ToStage { get; private init; } = string.Empty;

    public DealStatus Status { get; private init; }

    public Guid ChangedBy { get; private init; }

    public DateTimeOffset ChangedAt { get; private init; }

    public static DealStageChange Of(Deal deal, string? fromStage, Guid by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        DealId = deal.Id,
        FromStage = fromStage,
        ToStage = deal.Stage,
        Status = deal.Status,
        ChangedBy = by,
        ChangedAt = now,
    };
}
