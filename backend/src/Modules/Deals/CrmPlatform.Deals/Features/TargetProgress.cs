using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using CrmPlatform.Identity.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

/// <summary>One achievement that counts toward targets: whose it is, the day it counts on, and how much.</summary>
internal sealed class TargetCredit
{
    public Guid? Person { get; init; }

    public DateOnly Day { get; init; }

    public decimal Value { get; init; }
}

/// <summary>
/// What each kind of target counts, from the module's own rows (docs/api.md, "Sales targets"): a won deal is its
/// winner's (<see cref="Deal.WonBy"/>) on the day it was won, a payment its invoice's rep's on the day it came, and a
/// customer is new on the day of its first won deal, for whoever won that deal.
/// </summary>
internal sealed class TargetActuals(DealsDbContext db)
{
    /// <summary>Totals per person over the period: a target split among subjects adds up its subjects' people.</summary>
    public async Task<IReadOnlyList<(Guid? Person, decimal Total)>> ByPersonAsync(SalesTarget target, IReadOnlyList<Guid>? people, CancellationToken cancellationToken)
    {
        var rows = await Within(target, people).GroupBy(c => c.Person).Select(g => new { g.Key, Total = g.Sum(c => c.Value) }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Key, r.Total))];
    }

    /// <summary>Totals per day over the period: a target split into periods adds up its periods' days.</summary>
    public async Task<IReadOnlyList<(DateOnly Day, decimal Total)>> ByDayAsync(SalesTarget target, IReadOnlyList<Guid>? people, CancellationToken cancellationToken)
    {
        var rows = await Within(target, people).GroupBy(c => c.Day).Select(g => new { g.Key, Total = g.Sum(c => c.Value) }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Key, r.Total))];
    }

    public async Task<decimal> TotalAsync(SalesTarget target, IReadOnlyList<Guid>? people, CancellationToken cancellationToken) =>
        await Within(target, people).SumAsync(c => c.Value, cancellationToken);

    private IQueryable<TargetCredit> Within(SalesTarget target, IReadOnlyList<Guid>? people)
    {
        var (from, to) = (target.StartsOn, target.EndsOn);
        var credits = Credits(target.Kind, target.ProductCategory).Where(c => c.Day >= from && c.Day <= to);
        if (people is not null)
        {
            Guid[] ids = [.. people];
            credits = credits.Where(c => c.Person != null && ids.Contains(c.Person.Value));
        }

        return credits;
    }

    /// <summary>Every achievement that counts toward targets of <paramref name="kind"/> (of one product category, when given).</summary>
    public IQueryable<TargetCredit> Credits(TargetKind kind, string? category)
    {
        var won = db.Deals.Where(d => d.Status == DealStatus.Won);
        return (kind, category) switch
        {
            (TargetKind.Revenue, null) => won.Select(d => new TargetCredit { Person = d.WonBy, Day = d.WonOn!.Value, Value = d.Amount }),
            (TargetKind.Revenue, _) => won.SelectMany(
                d => d.Lines.Where(l => l.Category == category), (d, l) => new TargetCredit { Person = d.WonBy, Day = d.WonOn!.Value, Value = l.Amount }),
            // Margin counts what is known: a deal (or a line) without a cost adds nothing rather than its whole amount.
            (TargetKind.GrossMargin, null) => won.Where(d => d.Cost != null)
                .Select(d => new TargetCredit { Person = d.WonBy, Day = d.WonOn!.Value, Value = d.Amount - d.Cost!.Value }),
            (TargetKind.GrossMargin, _) => won.SelectMany(
                d => d.Lines.Where(l => l.Category == category && l.Cost != null), (d, l) => new TargetCredit { Person = d.WonBy, Day = d.WonOn!.Value, Value = l.Amount - l.Cost!.Value }),
            // A customer's first won deal (the earliest day, then the earliest win) makes it a new customer (新增网点).
            (TargetKind.NewCustomers, _) => won
                .Where(d => !won.Any(e => e.CustomerId == d.CustomerId && (e.WonOn < d.WonOn || (e.WonOn == d.WonOn && e.ClosedAt < d.ClosedAt))))
                .Select(d => new TargetCredit { Person = d.WonBy, Day = d.WonOn!.Value, Value = 1 }),
            _ => db.Invoices.SelectMany(i => i.Payments, (i, p) => new TargetCredit { Person = i.OwnerId, Day = p.ReceivedOn, Value = p.Amount }),
        };
    }
}

/// <summary>Targets as the API shows them: with their subject's name, their children's count and their progress to today.</summary>
internal sealed class TargetReader(DealsDbContext db, TargetAccess access, TargetActuals actuals, IUserDirectory users, TimeProvider clock)
{
    public async Task<Result<TargetTreeDto>> TreeAsync(Guid id, CancellationToken cancellationToken)
    {
        var visible = access.Visible(db.Targets.AsNoTracking());
        var target = await visible.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (target is null)
        {
            return Error.NotFound("target", id);
        }

        var children = await visible.Where(t => t.ParentId == id).ToListAsync(cancellationToken);
        var organisation = await users.OrganisationAsync(cancellationToken);
        var actual = new Dictionary<Guid, decimal>();
        if (target.Split == TargetSplit.Periods)
        {
            var days = await actuals.ByDayAsync(target, PeopleOf(organisation, target), cancellationToken);
            actual[target.Id] = days.Sum(d => d.Total);
            children.ForEach(child => actual[child.Id] = days.Where(d => d.Day >= child.StartsOn && d.Day <= child.EndsOn).Sum(d => d.Total));
        }
        else
        {
            var people = await actuals.ByPersonAsync(target, PeopleOf(organisation, target), cancellationToken);
            actual[target.Id] = people.Sum(p => p.Total);
            foreach (var child in children)
            {
                var theirs = PeopleOf(organisation, child) ?? [];
                actual[child.Id] = people.Where(p => p.Person is { } person && theirs.Contains(person)).Sum(p => p.Total);
            }
        }

        var read = await DtosAsync([target, .. children], organisation, actual, cancellationToken);
        return new TargetTreeDto(
            ChinaTime.Today(clock),
            read[0],
            [.. read.Skip(1).OrderBy(c => c.StartsOn).ThenBy(c => c.SubjectName, StringComparer.Ordinal).ThenBy(c => c.Id)]);
    }

    /// <summary>Each target with its own progress: one total per target.</summary>
    public async Task<IReadOnlyList<TargetDto>> ReadAsync(IReadOnlyList<SalesTarget> targets, CancellationToken cancellationToken)
    {
        var organisation = await users.OrganisationAsync(cancellationToken);
        var actual = new Dictionary<Guid, decimal>();
        foreach (var target in targets)
        {
            actual[target.Id] = await actuals.TotalAsync(target, PeopleOf(organisation, target), cancellationToken);
        }

        return await DtosAsync(targets, organisation, actual, cancellationToken);
    }

    /// <summary>
    /// Whose work counts for a target: a rep's own, whether or not they are still in a team; a team's or region's people as the
    /// organisation stands; null for the company (everyone's).
    /// </summary>
    private static IReadOnlyList<Guid>? PeopleOf(Organisation organisation, SalesTarget target) => target.Level switch
    {
        TargetLevel.Company => null,
        TargetLevel.Rep => [target.SubjectId!.Value],
        _ => TargetSubject.Find(organisation, target.Level, target.SubjectId)?.People ?? [],
    };

    private async Task<List<TargetDto>> DtosAsync(
        IReadOnlyList<SalesTarget> targets, Organisation organisation, Dictionary<Guid, decimal> actual, CancellationToken cancellationToken)
    {
        Guid?[] ids = [.. targets.Select(t => (Guid?)t.Id)];
        var childCounts = await access.Visible(db.Targets.AsNoTracking()).Where(t => ids.Contains(t.ParentId))
            .GroupBy(t => t.ParentId).Select(g => new { Parent = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(g => g.Parent, g => g.Count, cancellationToken);
        Guid[] unnamedReps = [.. targets.Where(t => t.Level == TargetLevel.Rep && TargetSubject.Find(organisation, t.Level, t.SubjectId) is null).Select(t => t.SubjectId!.Value)];
        var formerNames = await users.DisplayNamesAsync(unnamedReps, cancellationToken);
        var today = ChinaTime.Today(clock);
        return
        [
            .. targets.Select(t => new TargetDto(
                t.Id,
                t.ParentId,
                t.Kind,
                t.Level,
                t.SubjectId,
                TargetSubject.Find(organisation, t.Level, t.SubjectId)?.Name ?? (t.SubjectId is { } subject ? formerNames.GetValueOrDefault(subject) : null),
                t.TeamId,
                t.Period,
                t.StartsOn,
                t.EndsOn,
                t.ProductCategory,
                t.Amount,
                t.Kind == TargetKind.NewCustomers ? null : Money.Currency,
                t.Split,
                childCounts.GetValueOrDefault(t.Id),
                access.CanChange(t),
                Progress(t, actual.GetValueOrDefault(t.Id), today),
                t.Version)),
        ];
    }

    /// <summary>Percent achieved and the run-rate: what the days so far would come to over the whole period at the same pace.</summary>
    internal static TargetProgressDto Progress(SalesTarget target, decimal actual, DateOnly today)
    {
        var total = target.EndsOn.DayNumber - target.StartsOn.DayNumber + 1;
        var elapsed = Math.Clamp(today.DayNumber - target.StartsOn.DayNumber + 1, 0, total);
        var state = elapsed == 0 ? TargetState.Upcoming : today > target.EndsOn ? TargetState.Ended : TargetState.Running;
        decimal? forecast = state switch
        {
            TargetState.Upcoming => null,
            TargetState.Ended => actual,
            _ => Money.Round(actual * total / elapsed),
        };
        decimal? achieved = target.Amount == 0 ? null : Math.Round(actual * 100 / target.Amount, 1, MidpointRounding.AwayFromZero);
        return new TargetProgressDto(actual, achieved, forecast, elapsed, total, state);
    }
}
