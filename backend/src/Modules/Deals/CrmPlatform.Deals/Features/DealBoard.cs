using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

/// <summary>The query string of <c>GET /deals/board</c>.</summary>
/// <param name="ExpectedCloseFrom">Open deals expected to close on or after this day (the won columns are not filtered by it).</param>
/// <param name="ExpectedCloseTo">Open deals expected to close on or before this day.</param>
/// <param name="WonFrom">The won columns show deals won on or after this day; the first of this month (Asia/Shanghai) when omitted.</param>
/// <param name="CardsPerColumn">Cards in each column, 1 to 200, soonest expected close first; 50 when omitted. The totals count every deal.</param>
public sealed record DealBoardQuery(Guid? OwnerId, Guid? TeamId, DateOnly? ExpectedCloseFrom, DateOnly? ExpectedCloseTo, DateOnly? WonFrom, int? CardsPerColumn)
    : IQuery<Result<DealBoardDto>>, IDealFilter;

/// <summary>The kanban (看板): one column per stage, with its totals and its first cards.</summary>
/// <param name="Currency">What the amounts are in (CNY).</param>
/// <param name="WonFrom">The first day of the won deals the won columns show.</param>
public sealed record DealBoardDto(IReadOnlyList<DealBoardColumnDto> Columns, string Currency, DateOnly WonFrom);

/// <param name="Count">Every deal in the column under the filters, shown or not.</param>
/// <param name="Amount">Their total, yuan.</param>
/// <param name="WeightedAmount">Σ amount × probability ÷ 100, rounded once to the fen: what the column is expected to bring.</param>
/// <param name="Cards">The first of them, soonest expected close first (no date last).</param>
public sealed record DealBoardColumnDto(PipelineStageDto Stage, int Count, decimal Amount, decimal WeightedAmount, IReadOnlyList<DealCardDto> Cards);

internal sealed class DealBoardValidator : AbstractValidator<DealBoardQuery>
{
    public DealBoardValidator()
    {
        Include(new DealFilterValidator());
        RuleFor(q => q.CardsPerColumn).PageLimit();
    }
}

/// <summary>
/// Open deals in the open columns, deals won since <see cref="DealBoardQuery.WonFrom"/> in the won ones; lost deals
/// are not on the board. Besides the stages (and the owners' names, from memory), two statements: one grouped query for
/// every column's totals, and one for every column's first cards (a read per stage along the board's index, joined by
/// UNION ALL).
/// </summary>
internal sealed class DealBoardHandler(DealsDbContext db, DealViews views, TimeProvider clock) : IQueryHandler<DealBoardQuery, Result<DealBoardDto>>
{
    public async ValueTask<Result<DealBoardDto>> Handle(DealBoardQuery query, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var wonFrom = query.WonFrom ?? new DateOnly(today.Year, today.Month, 1);
        var cardsPerColumn = query.CardsPerColumn ?? PageLimits.Default;
        var stages = await StageList.ReadAsync(db, cancellationToken);
        // The expected-close filter is about open deals; the won columns show what was won since wonFrom.
        var visible = views.Visible().OwnedBy(query);
        var (closeFrom, closeTo) = (query.ExpectedCloseFrom, query.ExpectedCloseTo);
        var onBoard = visible.Where(d =>
            (d.Status == DealStatus.Open && (closeFrom == null || d.ExpectedCloseOn >= closeFrom) && (closeTo == null || d.ExpectedCloseOn <= closeTo))
            || (d.Status == DealStatus.Won && d.WonOn >= wonFrom));

        // The totals need no customer's name: deals and their stages only, so no join with the million customer copies.
        var totals = await (
                from d in onBoard
                join s in db.Stages on d.Stage equals s.Key
                select new { d.Stage, d.Amount, Probability = d.Status == DealStatus.Won ? 100 : d.ProbabilityOverride ?? s.Probability })
            .GroupBy(d => d.Stage)
            .Select(g => new { Stage = g.Key, Count = g.Count(), Amount = g.Sum(d => d.Amount), Weighted = g.Sum(d => d.Amount * d.Probability) })
            .ToDictionaryAsync(t => t.Stage, cancellationToken);

        // Every column's first cards in one statement: a UNION ALL of one ordered, limited read of deals per stage, each
        // joined with the customers' names only for the cards it keeps.
        var firstCards = stages.Where(s => totals.ContainsKey(s.Key))
            .Select(s => (s.Key, s.Phase))
            .Select(column => views.Rows(InColumn(visible, query, column.Key, column.Phase, wonFrom).OrderBy(d => d.ExpectedCloseOn).ThenBy(d => d.Id).Take(cardsPerColumn)))
            .Aggregate((IQueryable<DealRow>?)null, (all, column) => all is null ? column : all.Concat(column));
        var cards = firstCards is null ? [] : await views.CardsAsync(firstCards, cancellationToken);
        var columns = stages.Select(stage => totals.TryGetValue(stage.Key, out var total)
                ? new DealBoardColumnDto(
                    stage, total.Count, total.Amount, Money.Round(total.Weighted / 100),
                    [.. cards.Where(c => c.Stage == stage.Key).OrderBy(c => c.ExpectedCloseOn ?? DateOnly.MaxValue).ThenBy(c => c.Id)])
                : new DealBoardColumnDto(stage, 0, 0, 0, []))
            .ToList();
        return new DealBoardDto(columns, Money.Currency, wonFrom);
    }

    /// <summary>
    /// A column's deals by its phase alone (open deals in an open column, this month's wins in a won one), so each
    /// column's first cards are a range of the (status, stage, expected close, id) index, read no further than the page.
    /// </summary>
    private static IQueryable<Deal> InColumn(IQueryable<Deal> deals, IDealFilter filter, string stage, StagePhase phase, DateOnly wonFrom) => phase == StagePhase.Open
        ? deals.ExpectedToClose(filter).Where(d => d.Status == DealStatus.Open && d.Stage == stage)
        : deals.Where(d => d.Status == DealStatus.Won && d.WonOn >= wonFrom && d.Stage == stage);
}

internal static class DealBoardEndpoint
{
    public static void Map(IEndpointRouteBuilder deals) =>
        deals.MapGet("/board", async ([AsParameters] DealBoardQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Deals_Board")
            .WithSummary("The kanban: per stage, the count, total and weighted total of the deals you may see, and the first cards (filters: owner, team, expected close)")
            .ProducesValidationProblem();
}
