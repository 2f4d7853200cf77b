using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using CrmPlatform.Identity.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

/// <summary>The query string of <c>GET /deals/funnel</c>.</summary>
/// <param name="From">The first day (Asia/Shanghai); the first of this month when omitted.</param>
/// <param name="To">The last day, inclusive; today when omitted. At most 366 days after <paramref name="From"/>.</param>
/// <param name="CommissionPercent">The commission rate (佣金比率) in percent, 0 to 100 with up to two decimals; 5 when omitted.</param>
public sealed record FunnelQuery(DateOnly? From, DateOnly? To, Guid? OwnerId, Guid? TeamId, decimal? CommissionPercent) : IQuery<Result<FunnelDto>>;

/// <summary>One person's (or everyone's) funnel over the period: each stage counted from what was recorded (docs/api.md, "Activity funnel").</summary>
/// <param name="CallsMade">Calls on customers' timelines, recorded by the person (拨打电话数).</param>
/// <param name="CallsReached">Those that reached the customer (实际完成数).</param>
/// <param name="Appointments">Meetings and visits on the timelines (约见次数).</param>
/// <param name="Recommendations">Deals the person moved into the recommend stage (推荐次数), each once.</param>
/// <param name="DealsWon">Deals the person won (销售笔数).</param>
/// <param name="Amount">What those deals came to (销售总额).</param>
/// <param name="RevenuePerCall">Amount ÷ calls made, to the fen; null without calls (每次电话销售金额).</param>
/// <param name="Commission">Amount × the commission rate, to the fen.</param>
/// <param name="CommissionPerCall">Amount × rate ÷ calls made, rounded once to the fen; null without calls (每次电话销售佣金).</param>
/// <param name="SellingHours">The recorded length of the calls, meetings and visits, in hours to two decimals; null when none was timed.</param>
/// <param name="SalesPerHour">Amount ÷ selling hours (投资回报 = 销售额 ÷ 销售中所用的时间), rounded once to the fen; null when no time was recorded.</param>
public sealed record FunnelFiguresDto(
    int CallsMade,
    int CallsReached,
    int Appointments,
    int Recommendations,
    int DealsWon,
    decimal Amount,
    decimal? RevenuePerCall,
    decimal Commission,
    decimal? CommissionPerCall,
    decimal? SellingHours,
    decimal? SalesPerHour);

public sealed record FunnelRepDto(Guid RepId, string? RepName, FunnelFiguresDto Figures);

/// <param name="Reps">Each person with any figure in the period, by amount (most first).</param>
public sealed record FunnelDto(DateOnly From, DateOnly To, string Currency, decimal CommissionPercent, FunnelFiguresDto Total, IReadOnlyList<FunnelRepDto> Reps);

internal sealed class FunnelValidator : AbstractValidator<FunnelQuery>
{
    public FunnelValidator()
    {
        RuleFor(q => q.From).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest).When(q => q.From is not null);
        RuleFor(q => q.To).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest).When(q => q.To is not null);
        RuleFor(q => q.To).Must((q, to) => to >= q.From && to!.Value.DayNumber - q.From!.Value.DayNumber <= 366)
            .When(q => q.From is not null && q.To is not null)
            .WithMessage("The period runs forward from 'from', a year at most.");
        RuleFor(q => q.CommissionPercent).InclusiveBetween(0, 100).PrecisionScale(5, 2, ignoreTrailingZeros: true).When(q => q.CommissionPercent is not null);
    }
}

/// <summary>
/// 评价推销的效率: the activity funnel of seed 001, never typed in. Calls and appointments come from the customers'
/// timelines (through <see cref="ICustomerActivity"/>), recommendations from the deals' stage history, wins and amount
/// from won deals; a rep sees their own, a manager their team's members, a director everyone's.
/// </summary>
internal sealed class FunnelHandler(DealsDbContext db, ICustomerActivity activity, IUserDirectory users, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<FunnelQuery, Result<FunnelDto>>
{
    /// <summary>The stage whose reaching counts as a recommendation (产品推荐): the seeded pipeline's key.</summary>
    public const string RecommendStage = "recommend";

    private const decimal DefaultCommissionPercent = 5m;

    public async ValueTask<Result<FunnelDto>> Handle(FunnelQuery query, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var from = query.From ?? new DateOnly(today.Year, today.Month, 1);
        var to = query.To ?? (from > today ? TargetPeriods.End(TargetPeriod.Month, from) : (today.DayNumber - from.DayNumber > 366 ? from.AddDays(366) : today));
        if (to < from || to.DayNumber - from.DayNumber > 366)
        {
            return Error.Validation("to", "The period runs forward from 'from', a year at most.");
        }

        var people = await PeopleAsync(query, cancellationToken);
        var (start, end) = (ChinaTime.StartOf(from), ChinaTime.StartOf(to.AddDays(1)));
        var recorded = await activity.CountAsync(people, start, end, cancellationToken);

        var won = db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Won && d.WonOn >= from && d.WonOn <= to && d.WonBy != null);
        // From the moves into the stage in the period (indexed by stage and time), each deal once, for whoever made the move.
        var recommended = db.StageChanges.AsNoTracking()
            .Where(c => c.ToStage == RecommendStage && c.ChangedAt >= start && c.ChangedAt < end)
            .Select(c => new { c.DealId, Person = c.ChangedBy });
        if (people is not null)
        {
            Guid?[] wonBy = [.. people.Select(p => (Guid?)p)];
            Guid[] owners = [.. people];
            won = won.Where(d => wonBy.Contains(d.WonBy));
            recommended = recommended.Where(r => owners.Contains(r.Person));
        }

        var wins = await won.GroupBy(d => d.WonBy!.Value).Select(g => new { Person = g.Key, Count = g.Count(), Amount = g.Sum(d => d.Amount) }).ToListAsync(cancellationToken);
        var recommendations = await recommended.GroupBy(r => r.Person).Select(g => new { Person = g.Key, Count = g.Select(r => r.DealId).Distinct().Count() })
            .ToListAsync(cancellationToken);

        var percent = query.CommissionPercent ?? DefaultCommissionPercent;
        Guid[] everyone = [.. recorded.Select(r => r.Person).Union(wins.Select(w => w.Person)).Union(recommendations.Select(r => r.Person))];
        var names = await users.DisplayNamesAsync(everyone, cancellationToken);
        var reps = everyone
            .Select(person =>
            {
                var calls = recorded.FirstOrDefault(r => r.Person == person);
                var win = wins.FirstOrDefault(w => w.Person == person);
                return new FunnelRepDto(person, names.GetValueOrDefault(person), Figures(
                    calls?.Calls ?? 0, calls?.CallsReached ?? 0, calls?.Appointments ?? 0,
                    recommendations.FirstOrDefault(r => r.Person == person)?.Count ?? 0, win?.Count ?? 0, win?.Amount ?? 0, calls?.SellingMinutes ?? 0, percent));
            })
            .OrderByDescending(r => r.Figures.Amount).ThenByDescending(r => r.Figures.CallsMade).ThenBy(r => r.RepName, StringComparer.Ordinal)
            .ToList();
        var total = Figures(
            reps.Sum(r => r.Figures.CallsMade), reps.Sum(r => r.Figures.CallsReached), reps.Sum(r => r.Figures.Appointments),
            reps.Sum(r => r.Figures.Recommendations), reps.Sum(r => r.Figures.DealsWon), reps.Sum(r => r.Figures.Amount),
            recorded.Sum(r => r.SellingMinutes), percent);
        return new FunnelDto(from, to, Money.Currency, percent, total, reps);
    }

    /// <summary>Each figure from the counts, every division rounded once to the fen.</summary>
    internal static FunnelFiguresDto Figures(int calls, int reached, int appointments, int recommendations, int deals, decimal amount, int minutes, decimal percent) => new(
        calls,
        reached,
        appointments,
        recommendations,
        deals,
        amount,
        calls == 0 ? null : Money.Round(amount / calls),
        Money.Round(amount * percent / 100),
        calls == 0 ? null : Money.Round(amount * percent / 100 / calls),
        minutes == 0 ? null : Money.Round(minutes / 60m),
        minutes == 0 ? null : Money.Round(amount * 60 / minutes));

    /// <summary>Whose figures the caller may see and asked for: null for everyone (a director's unfiltered funnel).</summary>
    private async Task<IReadOnlyList<Guid>?> PeopleAsync(FunnelQuery query, CancellationToken cancellationToken)
    {
        var scope = currentUser.Scope();
        // Read once, and only when a team's members are needed.
        var organisation = scope == ScopeKind.Team || query.TeamId is not null ? await users.OrganisationAsync(cancellationToken) : null;
        IReadOnlyList<Guid>? people = scope switch
        {
            ScopeKind.Own => [currentUser.Id],
            ScopeKind.Team => organisation!.Team(currentUser.TeamId ?? Guid.Empty)?.Members.Select(m => m.Id).ToList() ?? [],
            _ => null,
        };
        if (query.TeamId is { } teamId)
        {
            var members = organisation!.Team(teamId)?.Members.Select(m => m.Id).ToList() ?? [];
            people = people is null ? members : [.. people.Intersect(members)];
        }

        if (query.OwnerId is { } ownerId)
        {
            people = people is null || people.Contains(ownerId) ? [ownerId] : [];
        }

        return people;
    }
}

internal static class FunnelEndpoint
{
    public static void Map(IEndpointRouteBuilder deals) =>
        deals.MapGet("/funnel", async ([AsParameters] FunnelQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Deals_Funnel")
            .WithSummary("The activity funnel (评价推销的效率) over a period: calls made, reached, appointments, recommendations, deals won and amount, per rep and in total, with revenue and commission per call")
            .ProducesValidationProblem();
}
