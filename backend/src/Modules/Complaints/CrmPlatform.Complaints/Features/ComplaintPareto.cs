using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Complaints.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Complaints.Features;

/// <summary>One cause's bar of the Pareto chart.</summary>
/// <param name="Cost">What its complaints' resolutions cost, in yuan.</param>
/// <param name="Share">Its complaints ÷ the period's complaints with a cause, in percent to one place.</param>
/// <param name="CumulativeShare">This cause's and the larger ones' shares together.</param>
/// <param name="Vital">One of the vital few: the causes that, largest first, make up the first 80 % of complaints.</param>
public sealed record ParetoCauseDto(string CauseKey, string Name, string EnglishName, int Count, decimal Cost, decimal Share, decimal CumulativeShare, bool Vital);

/// <summary>How the period's complaints kept their promises.</summary>
/// <param name="OnTimeRate">Resolved by the promised time ÷ resolved, in percent to one place; null when none was resolved.</param>
/// <param name="AverageHoursToAcknowledge">From receipt to acknowledgement, over those acknowledged.</param>
/// <param name="AverageHoursToResolve">From receipt to resolution, over those resolved (the latest resolution of a reopened one).</param>
/// <param name="ReopenRate">Reopened at least once ÷ received, in percent to one place.</param>
public sealed record SlaFiguresDto(
    int Received, int Acknowledged, decimal? AverageHoursToAcknowledge, int Resolved, int ResolvedOnTime, decimal? OnTimeRate, decimal? AverageHoursToResolve, int Reopened, decimal? ReopenRate);

/// <param name="Uncaused">Complaints of the period whose cause is not named yet: not in the shares.</param>
public sealed record ComplaintParetoDto(DateOnly From, DateOnly To, int Total, decimal TotalCost, int Uncaused, IReadOnlyList<ParetoCauseDto> Causes, SlaFiguresDto Sla);

/// <summary>The query string of <c>GET /complaints/pareto</c>: complaints received from..to (China days) that the caller may see.</summary>
/// <param name="TeamId">Only the complaints of this team's customers.</param>
/// <param name="Product">Only the complaints about this product, as received.</param>
public sealed record ComplaintParetoQuery(DateOnly? From, DateOnly? To, Guid? TeamId, string? Product) : IQuery<Result<ComplaintParetoDto>>;

internal sealed class ComplaintParetoValidator : AbstractValidator<ComplaintParetoQuery>
{
    public ComplaintParetoValidator()
    {
        RuleFor(q => q.From).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest).When(q => q.From is not null);
        RuleFor(q => q.To).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest).When(q => q.To is not null);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("'to' is on or after 'from'.");
        RuleFor(q => q.Product).MaximumLength(ComplaintLimits.Product);
    }
}

/// <summary>
/// 80/20 of the period's complaints by root cause — counts, cost and cumulative share, the vital few marked — and the
/// SLA figures, counted in the database over the complaints the caller may see.
/// </summary>
internal sealed class ComplaintParetoHandler(ComplaintsDbContext db, ComplaintViews views, TimeProvider clock) : IQueryHandler<ComplaintParetoQuery, Result<ComplaintParetoDto>>
{
    /// <summary>The vital few make up this share of the complaints with a cause.</summary>
    private const decimal VitalShare = 80m;

    public async ValueTask<Result<ComplaintParetoDto>> Handle(ComplaintParetoQuery query, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var to = query.To ?? today;
        var from = query.From ?? new DateOnly(to.Year, to.Month, 1);
        var (start, end) = (ChinaTime.StartOf(from), ChinaTime.StartOf(to.AddDays(1)));
        var complaints = views.Visible().AsNoTracking().Where(c => c.ReceivedAt >= start && c.ReceivedAt < end);
        if (query.TeamId is { } teamId)
        {
            complaints = complaints.Where(c => c.CustomerTeamId == teamId);
        }

        if (query.Product is { Length: > 0 } product)
        {
            complaints = complaints.Where(c => c.Product == product);
        }

        var byCause = await complaints
            .GroupBy(c => c.CauseKey)
            .Select(g => new { CauseKey = g.Key, Count = g.Count(), Cost = g.Sum(c => c.ResolutionCost ?? 0) })
            .ToListAsync(cancellationToken);
        var causes = await db.Causes.AsNoTracking().ToDictionaryAsync(c => c.Key, cancellationToken);
        var caused = byCause.Where(c => c.CauseKey is not null).OrderByDescending(c => c.Count).ThenByDescending(c => c.Cost).ThenBy(c => c.CauseKey, StringComparer.Ordinal).ToList();
        var withCause = caused.Sum(c => c.Count);
        var bars = new List<ParetoCauseDto>();
        var cumulative = 0;
        foreach (var c in caused)
        {
            var vital = Percent(cumulative, withCause) < VitalShare;
            cumulative += c.Count;
            var cause = causes[c.CauseKey!];
            bars.Add(new ParetoCauseDto(c.CauseKey!, cause.Name, cause.EnglishName, c.Count, c.Cost, Percent(c.Count, withCause), Percent(cumulative, withCause), vital));
        }

        var sla = await complaints
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Received = g.Count(),
                Acknowledged = g.Count(c => c.AcknowledgedAt != null),
                AcknowledgeSeconds = g.Where(c => c.AcknowledgedAt != null).Sum(c => (double?)(c.AcknowledgedAt!.Value - c.ReceivedAt).TotalSeconds),
                Resolved = g.Count(c => c.ResolvedAt != null),
                ResolvedOnTime = g.Count(c => c.ResolvedAt != null && c.ResolvedAt <= c.PromisedAt),
                ResolveSeconds = g.Where(c => c.ResolvedAt != null).Sum(c => (double?)(c.ResolvedAt!.Value - c.ReceivedAt).TotalSeconds),
                Reopened = g.Count(c => c.ReopenCount > 0),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var figures = sla is null
            ? new SlaFiguresDto(0, 0, null, 0, 0, null, null, 0, null)
            : new SlaFiguresDto(
                sla.Received,
                sla.Acknowledged,
                Hours(sla.AcknowledgeSeconds, sla.Acknowledged),
                sla.Resolved,
                sla.ResolvedOnTime,
                sla.Resolved == 0 ? null : Percent(sla.ResolvedOnTime, sla.Resolved),
                Hours(sla.ResolveSeconds, sla.Resolved),
                sla.Reopened,
                Percent(sla.Reopened, sla.Received));
        return new ComplaintParetoDto(
            from, to, byCause.Sum(c => c.Count), byCause.Sum(c => c.Cost), byCause.Where(c => c.CauseKey is null).Sum(c => c.Count), bars, figures);
    }

    private static decimal Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    private static decimal? Hours(double? seconds, int count) =>
        count == 0 || seconds is null ? null : Math.Round((decimal)seconds.Value / 3600m / count, 1, MidpointRounding.AwayFromZero);
}

internal static class ComplaintParetoEndpoint
{
    public static void Map(IEndpointRouteBuilder complaints) =>
        complaints.MapGet("/pareto", async ([AsParameters] ComplaintParetoQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Complaints_Pareto")
            .WithSummary("Pareto (80/20) of the complaints received from..to (this month by default) by root cause — counts, cost, cumulative share — and the SLA figures")
            .ProducesValidationProblem();
}
