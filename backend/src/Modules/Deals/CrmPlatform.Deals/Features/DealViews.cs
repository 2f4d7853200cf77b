using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Contracts.Following;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using CrmPlatform.Identity.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

/// <summary>A deal as the board and the lists show it: enough for a card, nothing of its lines.</summary>
/// <param name="Stage">The key of the <see cref="PipelineStageDto"/> it is in.</param>
/// <param name="Probability">Percent: 100 when won, 0 when lost, else the deal's own or its stage's.</param>
/// <param name="Amount">Yuan (<paramref name="Currency"/>), to the fen.</param>
/// <param name="ExpectedCloseOn">A calendar day (Asia/Shanghai).</param>
/// <param name="Version">Row version; the ETag header of the deal is this number in quotes, and If-Match for a move.</param>
public sealed record DealCardDto(
    Guid Id,
    Guid CustomerId,
    string CustomerName,
    string Title,
    Guid OwnerId,
    Guid? TeamId,
    string Stage,
    DealStatus Status,
    int Probability,
    decimal Amount,
    string Currency,
    DateOnly? ExpectedCloseOn,
    string? NextStep,
    DateOnly? NextStepDue,
    DateOnly? WonOn,
    uint Version)
{
    public string? OwnerName { get; init; }
}

/// <summary>One line of a deal, priced.</summary>
/// <param name="ProductId">The catalogue product it was picked from; null for one typed in.</param>
/// <param name="DiscountPercent">0 to 100.</param>
/// <param name="Amount">Quantity × unit price × (100 − discount) / 100, rounded to the fen half away from zero.</param>
/// <param name="Cost">Quantity × unit cost, to the fen; null when the unit cost is unknown.</param>
public sealed record DealLineDto(
    Guid? ProductId,
    string Product,
    string? Spec,
    string? Unit,
    string? Category,
    decimal Quantity,
    decimal UnitPrice,
    decimal DiscountPercent,
    decimal? UnitCost,
    decimal Amount,
    decimal? Cost);

/// <summary>A deal in full: its terms, lines and outcome.</summary>
/// <param name="Probability">Percent: 100 when won, 0 when lost, else <paramref name="ProbabilityOverride"/> or the stage's.</param>
/// <param name="ProbabilityOverride">The rep's own estimate; null: the stage's.</param>
/// <param name="Amount">The lines' total when there are lines, else the amount entered.</param>
/// <param name="Cost">The lines' cost when every line's unit cost is known.</param>
/// <param name="GrossMargin">Amount − cost (毛利), when the cost is known.</param>
/// <param name="WonOn">The day it was won (Asia/Shanghai).</param>
/// <param name="WonBy">Who owned it when it was won: whose sale it is, wherever the customer goes later.</param>
/// <param name="Version">Row version; the ETag header is this number in quotes.</param>
public sealed record DealDto(
    Guid Id,
    Guid CustomerId,
    string CustomerName,
    string Title,
    Guid OwnerId,
    Guid? TeamId,
    string Stage,
    DealStatus Status,
    int Probability,
    int? ProbabilityOverride,
    decimal Amount,
    decimal? Cost,
    decimal? GrossMargin,
    string Currency,
    DateOnly? ExpectedCloseOn,
    string? NextStep,
    DateOnly? NextStepDue,
    DateOnly? WonOn,
    Guid? WonBy,
    LostReason? LostReason,
    string? LostNote,
    IReadOnlyList<DealLineDto> Lines,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version)
{
    public string? OwnerName { get; init; }
}

/// <summary>
/// Which deals a caller sees, and how they are read. A deal is visible within its owner's record scope, and only
/// while its customer is visible too (the customer's owner, team and archive state, which the deal carries from the
/// module's copy of customers): a deal on a customer the caller cannot see is 404. Reads join the copy for the customer's name and the stage for its probability, so they
/// are hand-written <c>Select</c>s; the owner's name comes from Identity in one batch.
/// </summary>
internal sealed class DealViews(DealsDbContext db, ICurrentUser currentUser, IUserDirectory users)
{
    public IQueryable<Deal> Visible() => Visible(db.Deals.AsNoTracking());

    /// <summary>
    /// Both halves of record scope on the deal's own row: its owner's scope, and its customer's (copied onto it, ADR 0031),
    /// so no read joins the million customer copies to decide what the caller sees.
    /// </summary>
    public IQueryable<Deal> Visible(IQueryable<Deal> deals) =>
        deals.VisibleTo(currentUser).VisibleTo(currentUser, d => d.CustomerOwnerId, d => d.CustomerTeamId).Where(d => !d.CustomerArchived);

    /// <summary>
    /// The deal a command may change, tracked with its lines: visible to the caller (else 404) and still at the version
    /// the caller last read (else 412). A writer racing us after this check is caught by the xmin token on save.
    /// </summary>
    public async Task<Result<Deal>> LoadForChangeAsync(Guid id, uint expectedVersion, CancellationToken cancellationToken)
    {
        var deal = await Visible(db.Deals.Include(d => d.Lines)).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return deal is null ? Error.NotFound("deal", id) : deal.Version == expectedVersion ? deal : Error.StaleVersion;
    }

    /// <summary>Whether the caller may see the deal: the check every command and sub-resource starts with.</summary>
    public Task<bool> CanSeeAsync(Guid id, CancellationToken cancellationToken) => Visible().AnyAsync(d => d.Id == id, cancellationToken);

    /// <summary>Deals with what their cards show from the customer's copy and the stage; order and page these.</summary>
    public IQueryable<DealRow> Rows(IQueryable<Deal> deals) =>
        from d in deals
        join c in db.CustomerCopies on d.CustomerId equals c.CustomerId
        join s in db.Stages on d.Stage equals s.Key
        select new DealRow { Deal = d, CustomerName = c.Name, StageProbability = s.Probability };

    public async Task<IReadOnlyList<DealCardDto>> CardsAsync(IQueryable<DealRow> rows, CancellationToken cancellationToken)
    {
        var cards = await rows
            .Select(r => new DealCardDto(
                r.Deal.Id, r.Deal.CustomerId, r.CustomerName, r.Deal.Title, r.Deal.OwnerId, r.Deal.TeamId, r.Deal.Stage, r.Deal.Status,
                Probability(r.Deal.Status, r.Deal.ProbabilityOverride, r.StageProbability),
                r.Deal.Amount, r.Deal.Currency, r.Deal.ExpectedCloseOn, r.Deal.NextStep, r.Deal.NextStepDue, r.Deal.WonOn, r.Deal.Version))
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync([.. cards.Select(c => c.OwnerId).Distinct()], cancellationToken);
        return [.. cards.Select(c => c with { OwnerName = names.GetValueOrDefault(c.OwnerId) })];
    }

    /// <summary>The deal in full, as the caller may see it; null when they may not.</summary>
    public async Task<DealDto?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var deal = await Rows(Visible().Where(d => d.Id == id))
            .Select(r => new DealDto(
                r.Deal.Id, r.Deal.CustomerId, r.CustomerName, r.Deal.Title, r.Deal.OwnerId, r.Deal.TeamId, r.Deal.Stage, r.Deal.Status,
                Probability(r.Deal.Status, r.Deal.ProbabilityOverride, r.StageProbability), r.Deal.ProbabilityOverride,
                r.Deal.Amount, r.Deal.Cost, r.Deal.Cost == null ? null : r.Deal.Amount - r.Deal.Cost, r.Deal.Currency,
                r.Deal.ExpectedCloseOn, r.Deal.NextStep, r.Deal.NextStepDue, r.Deal.WonOn, r.Deal.WonBy, r.Deal.LostReason, r.Deal.LostNote,
                r.Deal.Lines.OrderBy(l => l.Position)
                    .Select(l => new DealLineDto(l.ProductId, l.Product, l.Spec, l.Unit, l.Category, l.Quantity, l.UnitPrice, l.DiscountPercent, l.UnitCost, l.Amount, l.Cost))
                    .ToList(),
                r.Deal.CreatedBy, r.Deal.CreatedAt, r.Deal.UpdatedAt, r.Deal.Version))
            .SingleOrDefaultAsync(cancellationToken);
        return deal is null ? null : deal with { OwnerName = await users.DisplayNameAsync(deal.OwnerId, cancellationToken) };
    }

    /// <summary>Evaluated on the rows read (the projection's last step), so the rule is written once.</summary>
    private static int Probability(DealStatus status, int? probabilityOverride, int stageProbability) => status switch
    {
        DealStatus.Won => 100,
        DealStatus.Lost => 0,
        _ => probabilityOverride ?? stageProbability,
    };
}

/// <summary>A deal with its customer's name and its stage's probability, before it is shaped for an answer.</summary>
internal sealed class DealRow
{
    public required Deal Deal { get; init; }

    public required string CustomerName { get; init; }

    public required int StageProbability { get; init; }
}
