using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Deals.Domain;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

/// <summary>The query string of <c>GET /deals/focus/week</c>.</summary>
/// <param name="Day">The day whose week is shown (Monday to Sunday, Asia/Shanghai); today when omitted.</param>
public sealed record WeekFocusQuery(DateOnly? Day, Guid? OwnerId, Guid? TeamId) : IQuery<Result<WeekFocusDto>>, IOwnerFilter;

/// <summary>周看板: the week's focus, from the open deals' next steps and expected closes.</summary>
/// <param name="Overdue">Next steps due before the day, not yet moved on: first thing to do.</param>
/// <param name="Today">Next steps due on the day (当天工作重点).</param>
/// <param name="Tomorrow">Next steps due the day after (第二天工作重点).</param>
/// <param name="Week">The week's other next steps and the deals expected to close this week (本周工作重点), by day.</param>
public sealed record WeekFocusDto(
    DateOnly Day,
    DateOnly WeekStart,
    DateOnly WeekEnd,
    IReadOnlyList<DealCardDto> Overdue,
    IReadOnlyList<DealCardDto> Today,
    IReadOnlyList<DealCardDto> Tomorrow,
    IReadOnlyList<DealCardDto> Week);

/// <summary>The query string of <c>GET /deals/focus/month</c>.</summary>
/// <param name="Month">Any day of the month shown (Asia/Shanghai); this month when omitted.</param>
public sealed record MonthFocusQuery(DateOnly? Month, Guid? OwnerId, Guid? TeamId) : IQuery<Result<MonthFocusDto>>, IOwnerFilter;

/// <summary>One week (Monday to Sunday) of a month's plan, cut to the month.</summary>
/// <param name="Closing">Open deals expected to close this week.</param>
/// <param name="ExpectedAmount">Their total, yuan.</param>
/// <param name="WeightedAmount">Σ amount × probability ÷ 100, rounded once to the fen.</param>
/// <param name="NextSteps">Open deals whose next step is due this week.</param>
public sealed record MonthWeekDto(DateOnly Start, DateOnly End, IReadOnlyList<DealCardDto> Closing, decimal ExpectedAmount, decimal WeightedAmount, IReadOnlyList<DealCardDto> NextSteps);

/// <summary>月看板: the month's plan, week by week, and the work that crosses weeks.</summary>
/// <param name="CrossWeek">Open deals whose next step falls in one week of the month and whose close in a later one (跨星期的工作事项).</param>
/// <param name="Won">What was already won this month, yuan.</param>
public sealed record MonthFocusDto(
    DateOnly MonthStart, DateOnly MonthEnd, IReadOnlyList<MonthWeekDto> Weeks, IReadOnlyList<DealCardDto> CrossWeek, decimal ExpectedAmount, decimal WeightedAmount, decimal Won, string Currency);

internal sealed class WeekFocusValidator : AbstractValidator<WeekFocusQuery>
{
    public WeekFocusValidator() => RuleFor(q => q.Day).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest);
}

internal sealed class MonthFocusValidator : AbstractValidator<MonthFocusQuery>
{
    public MonthFocusValidator() => RuleFor(q => q.Month).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest);
}

/// <summary>The week's open deals with a next step due by its end or a close expected in it, in one read, sorted into the board's lists.</summary>
internal sealed class WeekFocusHandler(DealViews views, TimeProvider clock) : IQueryHandler<WeekFocusQuery, Result<WeekFocusDto>>
{
    public async ValueTask<Result<WeekFocusDto>> Handle(WeekFocusQuery query, CancellationToken cancellationToken)
    {
        var day = query.Day ?? ChinaTime.Today(clock);
        var (start, end) = ChinaWeeks.Of(day);
        var tomorrow = day.AddDays(1);
        // On a Sunday, tomorrow is the next week's Monday: still the board's "tomorrow".
        var stepsUntil = tomorrow > end ? tomorrow : end;
        var cards = await views.CardsAsync(
            views.Rows(views.Visible().OwnedBy(query).Where(d => d.Status == DealStatus.Open
                && ((d.NextStepDue != null && d.NextStepDue <= stepsUntil) || (d.ExpectedCloseOn >= start && d.ExpectedCloseOn <= end)))),
            cancellationToken);
        bool DueByTomorrow(DealCardDto card) => card.NextStepDue <= tomorrow;
        DateOnly? WeekDay(DealCardDto card) =>
            card.NextStepDue > tomorrow && card.NextStepDue <= end ? card.NextStepDue
            : card.ExpectedCloseOn >= start && card.ExpectedCloseOn <= end ? card.ExpectedCloseOn
            : null;
        var due = cards.Where(DueByTomorrow).OrderBy(c => c.NextStepDue).ThenBy(c => c.Id).ToList();
        var week = cards.Where(c => !DueByTomorrow(c) && WeekDay(c) is not null).OrderBy(WeekDay).ThenBy(c => c.Id).ToList();
        return new WeekFocusDto(
            day, start, end,
            [.. due.Where(c => c.NextStepDue < day)],
            [.. due.Where(c => c.NextStepDue == day)],
            [.. due.Where(c => c.NextStepDue == tomorrow)],
            week);
    }
}

/// <summary>The month's open deals expected to close in it or with a next step due in it, and what was won in it, sorted into its weeks.</summary>
internal sealed class MonthFocusHandler(DealViews views, TimeProvider clock) : IQueryHandler<MonthFocusQuery, Result<MonthFocusDto>>
{
    public async ValueTask<Result<MonthFocusDto>> Handle(MonthFocusQuery query, CancellationToken cancellationToken)
    {
        var anyDay = query.Month ?? ChinaTime.Today(clock);
        var first = new DateOnly(anyDay.Year, anyDay.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var deals = views.Visible().OwnedBy(query);
        var cards = await views.CardsAsync(
            views.Rows(deals.Where(d => d.Status == DealStatus.Open
                && ((d.ExpectedCloseOn >= first && d.ExpectedCloseOn <= last) || (d.NextStepDue >= first && d.NextStepDue <= last)))),
            cancellationToken);
        var won = await deals.Where(d => d.Status == DealStatus.Won && d.WonOn >= first && d.WonOn <= last).SumAsync(d => d.Amount, cancellationToken);

        var weeks = new List<MonthWeekDto>();
        for (var (start, end) = ChinaWeeks.Of(first); start <= last; (start, end) = (start.AddDays(7), end.AddDays(7)))
        {
            var (from, to) = (start < first ? first : start, end > last ? last : end);
            var closing = cards.Where(c => c.ExpectedCloseOn >= from && c.ExpectedCloseOn <= to).OrderBy(c => c.ExpectedCloseOn).ThenBy(c => c.Id).ToList();
            var steps = cards.Where(c => c.NextStepDue >= from && c.NextStepDue <= to).OrderBy(c => c.NextStepDue).ThenBy(c => c.Id).ToList();
            weeks.Add(new MonthWeekDto(from, to, closing, closing.Sum(c => c.Amount), Weighted(closing), steps));
        }

        var closingInMonth = cards.Where(c => c.ExpectedCloseOn >= first && c.ExpectedCloseOn <= last).ToList();
        var crossWeek = cards
            .Where(c => c.NextStepDue is { } step && c.ExpectedCloseOn is { } close && step >= first && close <= last && ChinaWeeks.Of(step).Start < ChinaWeeks.Of(close).Start)
            .OrderBy(c => c.NextStepDue).ThenBy(c => c.Id)
            .ToList();
        return new MonthFocusDto(first, last, weeks, crossWeek, closingInMonth.Sum(c => c.Amount), Weighted(closingInMonth), won, Money.Currency);
    }

    private static decimal Weighted(IEnumerable<DealCardDto> cards) => Money.Round(cards.Sum(c => c.Amount * c.Probability) / 100);
}

internal static class FocusEndpoints
{
    public static void Map(IEndpointRouteBuilder deals)
    {
        deals.MapGet("/focus/week", async ([AsParameters] WeekFocusQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Deals_WeekFocus")
            .WithSummary("周看板: the week's focus from open deals' next steps and expected closes: overdue, today, tomorrow, the rest of the week")
            .ProducesValidationProblem();

        deals.MapGet("/focus/month", async ([AsParameters] MonthFocusQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Deals_MonthFocus")
            .WithSummary("月看板: the month's plan week by week (deals expected to close, next steps due, expected and weighted totals) and the work that crosses weeks")
            .ProducesValidationProblem();
    }
}
