using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Identity.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Visits.Features;

/// <param name="NormToDate">The monthly visit norm, pro rata for a month still running (0 for one not begun).</param>
/// <param name="BelowNorm">Fewer visits than <paramref name="NormToDate"/> (客户访问量太少).</param>
public sealed record MonthlyRepDto(Guid RepId, string RepName, ActivityCounts ThisMonth, ActivityCounts PreviousMonth, int NormToDate, bool BelowNorm);

public sealed record MonthlyTeamDto(Guid TeamId, string TeamName, ActivityCounts ThisMonth, ActivityCounts PreviousMonth, IReadOnlyList<MonthlyRepDto> Reps);

/// <summary>The director's monthly control (月度控制): per team and rep, this month beside the one before.</summary>
/// <param name="VisitNorm">Visits a rep is expected to make in a whole month (configurable).</param>
public sealed record MonthlyViewDto(int Year, int Month, int VisitNorm, ActivityCounts ThisMonth, ActivityCounts PreviousMonth, IReadOnlyList<MonthlyTeamDto> Teams);

/// <summary>The query string of <c>GET /visits/monthly</c>.</summary>
/// <param name="Year">This month's year when omitted.</param>
/// <param name="Month">1–12; this month when omitted.</param>
public sealed record MonthlyViewQuery(int? Year, int? Month) : IQuery<Result<MonthlyViewDto>>;

internal sealed class MonthlyViewValidator : AbstractValidator<MonthlyViewQuery>
{
    public MonthlyViewValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(CalendarLimits.Earliest.Year + 1, CalendarLimits.Latest.Year).When(q => q.Year is not null);
        RuleFor(q => q.Month).InclusiveBetween(1, 12).When(q => q.Month is not null);
    }
}

/// <summary>Directors see every team, a manager their own; reps have their own day and week views.</summary>
internal sealed class MonthlyViewHandler(RepActivity activity, IUserDirectory users, ICurrentUser currentUser, IOptions<VisitsOptions> options, TimeProvider clock)
    : IQueryHandler<MonthlyViewQuery, Result<MonthlyViewDto>>
{
    public async ValueTask<Result<MonthlyViewDto>> Handle(MonthlyViewQuery query, CancellationToken cancellationToken)
    {
        if (currentUser.Scope() == ScopeKind.Own)
        {
            return Error.Forbidden("monthly.not_supervisor", "The monthly view is for managers and directors.");
        }

        var today = ChinaTime.Today(clock);
        var first = new DateOnly(query.Year ?? today.Year, query.Month ?? today.Month, 1);
        var (last, previousFirst) = (first.AddMonths(1).AddDays(-1), first.AddMonths(-1));
        var teams = (await users.OrganisationAsync(cancellationToken)).Regions.SelectMany(r => r.Teams)
            .Where(t => currentUser.Scope() == ScopeKind.All || t.Id == currentUser.TeamId)
            .Select(t => (Team: t, Reps: t.Members.Where(m => m.Role == Roles.Rep).ToList()))
            .ToList();
        Guid[] reps = [.. teams.SelectMany(t => t.Reps).Select(r => r.Id)];
        var thisMonth = await activity.CountAsync(reps, first, last, cancellationToken);
        var previousMonth = await activity.CountAsync(reps, previousFirst, first.AddDays(-1), cancellationToken);
        var norm = options.Value.MonthlyVisitNorm;
        var elapsed = Math.Clamp(today.DayNumber - first.DayNumber + 1, 0, last.Day);
        var normToDate = (int)Math.Round((decimal)norm * elapsed / last.Day, MidpointRounding.AwayFromZero);
        var rows = teams
            .Select(t =>
            {
                var repRows = t.Reps
                    .Select(r => new MonthlyRepDto(r.Id, r.DisplayName, thisMonth[r.Id], previousMonth[r.Id], normToDate, thisMonth[r.Id].Visits < normToDate))
                    .ToList();
                return new MonthlyTeamDto(t.Team.Id, t.Team.Name, Sum(repRows.Select(r => r.ThisMonth)), Sum(repRows.Select(r => r.PreviousMonth)), repRows);
            })
            .ToList();
        return new MonthlyViewDto(first.Year, first.Month, norm, Sum(rows.Select(t => t.ThisMonth)), Sum(rows.Select(t => t.PreviousMonth)), rows);
    }

    private static ActivityCounts Sum(IEnumerable<ActivityCounts> counts) => counts.Aggregate(ActivityCounts.None, (total, c) => total.Add(c));
}

internal static class MonthlyEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/visits/monthly", async ([AsParameters] MonthlyViewQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .WithTags("Visits")
            .RejectUnknownQuery()
            .WithName("Visits_Monthly")
            .WithSummary("The monthly view per team and rep (a director: every team; a manager: theirs): visits, rates, on-time reports, cost per visit and the visit norm, beside last month")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
