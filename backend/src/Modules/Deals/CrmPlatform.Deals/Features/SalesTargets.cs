using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using CrmPlatform.Identity.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

/// <summary>A target as a director or a manager sets it.</summary>
/// <param name="SubjectId">The region, the team or the rep (a member of a team); omitted for the company.</param>
/// <param name="StartsOn">The period's first day: 1 January for a year; 1 January, April, July or October for a quarter; the 1st for a month; a Monday for a week.</param>
/// <param name="ProductCategory">Revenue or margin of one product category, as products and deal lines name it; omitted for every product.</param>
/// <param name="Amount">Yuan (CNY) for revenue, margin and collections; a whole number of customers for new customers.</param>
public sealed record TargetInput(
    TargetKind Kind, TargetLevel Level, Guid? SubjectId, TargetPeriod Period, DateOnly StartsOn, [property: MaxLength(ProductLimits.Category)] string? ProductCategory, decimal Amount);

public sealed record TargetAmountInput(decimal Amount);

/// <summary>One child of a split and its share of the target.</summary>
/// <param name="SubjectId">Split among subjects: the region, team or member this share is for.</param>
/// <param name="StartsOn">Split into periods: the first day of the shorter period.</param>
public sealed record TargetShareInput(Guid? SubjectId, DateOnly? StartsOn, decimal Amount);

/// <summary>目标分解: the whole list of a target's children, replacing the ones it had.</summary>
/// <param name="Period">Split into periods: the children's period (a year into quarters, months or days; a quarter into months or days; a month or a week into days).</param>
/// <param name="Children">Their amounts add up to the target's exactly. An empty list removes the split, when no child is split itself.</param>
public sealed record TargetSplitInput(TargetSplit By, TargetPeriod? Period, [property: MaxLength(TargetLimits.MaxChildren)] IReadOnlyList<TargetShareInput> Children);

/// <summary>Where a target's period stands on the day of the answer.</summary>
public enum TargetState
{
    Upcoming,
    Running,
    Ended,
}

/// <summary>How far a target has come (see docs/api.md, "Sales targets", for how each kind is counted).</summary>
/// <param name="Actual">What the period counts so far.</param>
/// <param name="Achieved">Actual ÷ target, in percent to one decimal; null for a target of 0.</param>
/// <param name="Forecast">The run-rate to the period's end: actual ÷ days elapsed × days in the period, rounded once to two decimals; the actual once the period has ended; null before it starts.</param>
/// <param name="DaysElapsed">Days of the period up to and including today (Asia/Shanghai).</param>
public sealed record TargetProgressDto(decimal Actual, decimal? Achieved, decimal? Forecast, int DaysElapsed, int DaysTotal, TargetState State);

/// <summary>A target with its progress.</summary>
/// <param name="SubjectName">The region's, team's or rep's name; null for the company.</param>
/// <param name="TeamId">The team whose manager may split it (a team's and a rep's targets).</param>
/// <param name="Currency">CNY for money; null for new customers, which are counted.</param>
/// <param name="Split">How its children divide it; null while it has none.</param>
/// <param name="Children">How many children it has.</param>
/// <param name="CanChange">Whether the caller may split it (and, for a target set on its own, change or remove it).</param>
/// <param name="Version">Row version: If-Match for a split, a change or a removal.</param>
public sealed record TargetDto(
    Guid Id,
    Guid? ParentId,
    TargetKind Kind,
    TargetLevel Level,
    Guid? SubjectId,
    string? SubjectName,
    Guid? TeamId,
    TargetPeriod Period,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string? ProductCategory,
    decimal Amount,
    string? Currency,
    TargetSplit? Split,
    int Children,
    bool CanChange,
    TargetProgressDto Progress,
    uint Version);

/// <summary>A target and its children (the ones the caller may see), each with its progress.</summary>
/// <param name="AsOf">The day progress is counted to (today, Asia/Shanghai).</param>
public sealed record TargetTreeDto(DateOnly AsOf, TargetDto Target, IReadOnlyList<TargetDto> Children);

/// <summary>The targets at the top of what the caller sees.</summary>
public sealed record TargetListDto(DateOnly AsOf, IReadOnlyList<TargetDto> Items);

/// <summary>The query string of <c>GET /targets</c>.</summary>
/// <param name="Year">Targets whose period overlaps this year; this year (Asia/Shanghai) when omitted.</param>
public sealed record ListTargetsQuery(QueryEnum<TargetKind>? Kind, int? Year) : IQuery<Result<TargetListDto>>;

public sealed record GetTargetQuery(Guid Id) : IQuery<Result<TargetTreeDto>>;

public sealed record TargetMemberDto(Guid Id, string DisplayName);

public sealed record TargetTeamDto(Guid Id, string Name, IReadOnlyList<TargetMemberDto> Members);

public sealed record TargetRegionDto(Guid Id, string Name, IReadOnlyList<TargetTeamDto> Teams);

/// <summary>The regions, teams and members the caller may set targets for: a director the whole organisation, a manager their team.</summary>
public sealed record TargetOrganisationDto(IReadOnlyList<TargetRegionDto> Regions);

public sealed record TargetOrganisationQuery : IQuery<Result<TargetOrganisationDto>>;

public sealed record CreateTargetCommand(TargetInput Target) : ICommand<Result<TargetTreeDto>>;

public sealed record ChangeTargetCommand(Guid Id, uint ExpectedVersion, TargetAmountInput Change) : ICommand<Result<TargetTreeDto>>;

public sealed record SplitTargetCommand(Guid Id, uint ExpectedVersion, TargetSplitInput Split) : ICommand<Result<TargetTreeDto>>;

public sealed record RemoveTargetCommand(Guid Id, uint ExpectedVersion) : ICommand<Result<Unit>>;

internal static class TargetRules
{
    /// <summary>An amount of the kind: money to the fen, or a whole number of customers.</summary>
    public static IRuleBuilderOptions<T, decimal> TargetAmount<T>(this IRuleBuilder<T, decimal> rule, Func<T, TargetKind> kindOf) =>
        rule.MoneyAmount().Must((owner, amount) => kindOf(owner) != TargetKind.NewCustomers || decimal.Truncate(amount) == amount)
            .WithMessage("New customers are counted: a whole number.");
}

internal sealed class CreateTargetValidator : AbstractValidator<CreateTargetCommand>
{
    public CreateTargetValidator() => RuleFor(c => c.Target).ChildRules(target =>
    {
        target.RuleFor(t => t.Kind).IsInEnum();
        target.RuleFor(t => t.Level).IsInEnum();
        target.RuleFor(t => t.Period).IsInEnum();
        target.RuleFor(t => t.SubjectId).Null().When(t => t.Level == TargetLevel.Company).WithMessage("The company's target has no subject.");
        target.RuleFor(t => t.SubjectId).NotNull().When(t => t.Level != TargetLevel.Company).WithMessage("Name the region, team or rep the target is for.");
        target.RuleFor(t => t.StartsOn).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest)
            .Must((t, day) => TargetPeriods.IsStart(t.Period, day)).WithMessage("A period starts on 1 January (year), the 1st of January, April, July or October (quarter), the 1st (month) or a Monday (week).");
        target.RuleFor(t => t.ProductCategory).MaximumLength(ProductLimits.Category);
        target.RuleFor(t => t.ProductCategory).Empty().When(t => t.Kind is TargetKind.NewCustomers or TargetKind.Collections)
            .WithMessage("Only revenue and margin are counted per product category.");
        target.RuleFor(t => t.Amount).TargetAmount(t => t.Kind);
    }).AtBodyRoot();
}

internal sealed class ListTargetsValidator : AbstractValidator<ListTargetsQuery>
{
    public ListTargetsValidator() =>
        RuleFor(q => q.Year).InclusiveBetween(CalendarLimits.Earliest.Year, CalendarLimits.Latest.Year).When(q => q.Year is not null);
}

internal sealed class ChangeTargetValidator : AbstractValidator<ChangeTargetCommand>
{
    public ChangeTargetValidator() => RuleFor(c => c.Change).ChildRules(change => change.RuleFor(c => c.Amount).MoneyAmount()).AtBodyRoot();
}

internal sealed class SplitTargetValidator : AbstractValidator<SplitTargetCommand>
{
    public SplitTargetValidator() => RuleFor(c => c.Split).ChildRules(split =>
    {
        split.RuleFor(s => s.By).IsInEnum();
        split.RuleFor(s => s.Period).NotNull().IsInEnum().When(s => s.By == TargetSplit.Periods).WithMessage("Name the children's period.");
        split.RuleFor(s => s.Children).NotNull().Must(children => children.Count <= TargetLimits.MaxChildren)
            .WithMessage($"A target has at most {TargetLimits.MaxChildren} children.");
        split.RuleForEach(s => s.Children).NotNull().ChildRules(child =>
        {
            child.RuleFor(c => c.Amount).MoneyAmount();
        });
        split.RuleForEach(s => s.Children).ChildRules(child => child.RuleFor(c => c.SubjectId).NotNull().WithMessage("Name the region, team or member of this share."))
            .When(s => s.By == TargetSplit.Subjects);
        split.RuleForEach(s => s.Children).ChildRules(child =>
                child.RuleFor(c => c.StartsOn).NotNull().InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest).WithMessage("Give the first day of this share's period."))
            .When(s => s.By == TargetSplit.Periods);
    }).AtBodyRoot();
}

/// <summary>Who sees and who changes a target: the record scope of the team it belongs to (ADR 0033).</summary>
internal sealed class TargetAccess(ICurrentUser currentUser)
{
    /// <summary>Directors, service staff and admins see every target; a manager the team's and its members'; a rep their own and their team's.</summary>
    public IQueryable<SalesTarget> Visible(IQueryable<SalesTarget> targets)
    {
        var (me, team) = (currentUser.Id, currentUser.TeamId);
        return currentUser.Scope() switch
        {
            ScopeKind.All => targets,
            ScopeKind.Team => targets.Where(t => t.TeamId != null && t.TeamId == team),
            _ => targets.Where(t => (t.Level == TargetLevel.Rep && t.SubjectId == me) || (t.Level == TargetLevel.Team && t.TeamId != null && t.TeamId == team)),
        };
    }

    /// <summary>Directors and admins set and split every target; a manager those of the team and its members.</summary>
    public bool CanChange(TargetLevel level, Guid? teamId) => currentUser.Role switch
    {
        Roles.Director or Roles.Admin => true,
        Roles.Manager => level is TargetLevel.Team or TargetLevel.Rep && teamId is not null && teamId == currentUser.TeamId,
        _ => false,
    };

    public bool CanChange(SalesTarget target) => CanChange(target.Level, target.TeamId);

    public static Error NotYours => Error.Forbidden("target.not_yours", "Directors set and split every target; a manager those of the team and its members.");
}

/// <summary>A target's subject found in the organisation: its level, its team and the people whose work counts for it.</summary>
/// <param name="People">Null for the company: everyone's work counts, including people no longer in a team.</param>
internal sealed record TargetSubject(TargetLevel Level, Guid? Id, string? Name, Guid? TeamId, IReadOnlyList<Guid>? People)
{
    public static TargetSubject? Find(Organisation organisation, TargetLevel level, Guid? id)
    {
        switch (level)
        {
            case TargetLevel.Company:
                return id is null ? new TargetSubject(level, null, null, null, null) : null;
            case TargetLevel.Region when id is { } regionId && organisation.Region(regionId) is { } region:
                return new TargetSubject(level, region.Id, region.Name, null, [.. region.Teams.SelectMany(t => t.Members).Select(m => m.Id)]);
            case TargetLevel.Team when id is { } teamId && organisation.Team(teamId) is { } team:
                return new TargetSubject(level, team.Id, team.Name, team.Id, [.. team.Members.Select(m => m.Id)]);
            case TargetLevel.Rep when id is { } userId && organisation.TeamOf(userId) is { } team:
                return new TargetSubject(level, userId, team.Members.First(m => m.Id == userId).DisplayName, team.Id, [userId]);
            default:
                return null;
        }
    }

    /// <summary>A subject a target of this subject is split among: a region or team of the company, a team of the region, a member of the team.</summary>
    public TargetSubject? Below(Organisation organisation, Guid id) => Level switch
    {
        TargetLevel.Company => Find(organisation, TargetLevel.Region, id) ?? Find(organisation, TargetLevel.Team, id),
        TargetLevel.Region when organisation.Region(Id!.Value)?.Teams.Any(t => t.Id == id) == true => Find(organisation, TargetLevel.Team, id),
        TargetLevel.Team when organisation.Team(Id!.Value)?.Members.Any(m => m.Id == id) == true => Find(organisation, TargetLevel.Rep, id),
        _ => null,
    };
}

internal sealed class CreateTargetHandler(DealsDbContext db, TargetAccess access, TargetReader reader, IUserDirectory users, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateTargetCommand, Result<TargetTreeDto>>
{
    public async ValueTask<Result<TargetTreeDto>> Handle(CreateTargetCommand command, CancellationToken cancellationToken)
    {
        var input = command.Target;
        var subject = TargetSubject.Find(await users.OrganisationAsync(cancellationToken), input.Level, input.SubjectId);
        if (subject is null)
        {
            return Error.Unprocessable("target.subject_unknown", "subjectId", $"No {input.Level.ToString().ToLowerInvariant()} '{input.SubjectId}' is in the organisation (a rep must be a member of a team).");
        }

        if (!access.CanChange(input.Level, subject.TeamId))
        {
            return TargetAccess.NotYours;
        }

        var target = SalesTarget.Create(
            input.Kind, input.Level, input.SubjectId, subject.TeamId, input.Period, input.StartsOn, input.ProductCategory, input.Amount, currentUser.Id, clock.GetDatabaseUtcNow());
        if (await TargetSlots.TakenAsync(db, [target], cancellationToken))
        {
            return TargetSlots.Taken;
        }

        db.Targets.Add(target);
        return await TargetSlots.SaveAsync(db, cancellationToken) ?? await reader.TreeAsync(target.Id, cancellationToken);
    }
}

/// <summary>A target set on its own (not a split's child) changes its amount while it is not split: a split changes with its target (ADR 0033).</summary>
internal sealed class ChangeTargetHandler(DealsDbContext db, TargetAccess access, TargetReader reader, TimeProvider clock) : ICommandHandler<ChangeTargetCommand, Result<TargetTreeDto>>
{
    public async ValueTask<Result<TargetTreeDto>> Handle(ChangeTargetCommand command, CancellationToken cancellationToken)
    {
        var found = await TargetSlots.LockAsync(db, access, command.Id, command.ExpectedVersion, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var target = found.Value;
        if (target.ParentId is not null)
        {
            return Error.Unprocessable("target.part_of_split", "amount", "This target is a share of its parent's: change the parent's split.");
        }

        if (target.Split is not null)
        {
            return Error.Unprocessable("target.split", "amount", "This target is split: remove its split (an empty list of children) before changing it, then split it again.");
        }

        if (target.Kind == TargetKind.NewCustomers && decimal.Truncate(command.Change.Amount) != command.Change.Amount)
        {
            return Error.Validation("amount", "New customers are counted: a whole number.");
        }

        target.ChangeAmount(command.Change.Amount, clock.GetDatabaseUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await reader.TreeAsync(target.Id, cancellationToken);
    }
}

/// <summary>Removes a target set on its own, with every target split from it.</summary>
internal sealed class RemoveTargetHandler(DealsDbContext db, TargetAccess access) : ICommandHandler<RemoveTargetCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(RemoveTargetCommand command, CancellationToken cancellationToken)
    {
        var found = await TargetSlots.LockAsync(db, access, command.Id, command.ExpectedVersion, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        if (found.Value.ParentId is not null)
        {
            return Error.Unprocessable("target.part_of_split", "id", "This target is a share of its parent's: change the parent's split.");
        }

        // The children go with it (the foreign key cascades).
        db.Targets.Remove(found.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// 目标分解: replaces a target's children with shares that add up to it exactly, among the level below or into shorter
/// periods. Children that stay keep their own splits; a child that is split itself cannot be removed or changed until
/// its own split is.
/// </summary>
internal sealed class SplitTargetHandler(DealsDbContext db, TargetAccess access, TargetReader reader, IUserDirectory users, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SplitTargetCommand, Result<TargetTreeDto>>
{
    public async ValueTask<Result<TargetTreeDto>> Handle(SplitTargetCommand command, CancellationToken cancellationToken)
    {
        var found = await TargetSlots.LockAsync(db, access, command.Id, command.ExpectedVersion, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var target = found.Value;
        var input = command.Split;
        if (target.Kind == TargetKind.NewCustomers && input.Children.Select((c, i) => (c, i)).FirstOrDefault(x => decimal.Truncate(x.c.Amount) != x.c.Amount) is ({ }, var fractional))
        {
            return Error.Validation($"children[{fractional}].amount", "New customers are counted: a whole number.");
        }

        var now = clock.GetDatabaseUtcNow();
        var wanted = input.By == TargetSplit.Subjects
            ? await SubjectsAsync(target, input, now, cancellationToken)
            : Periods(target, input, now);
        if (!wanted.IsSuccess)
        {
            return wanted.Error;
        }

        var sum = input.Children.Sum(c => c.Amount);
        if (input.Children.Count > 0 && sum != target.Amount)
        {
            return Error.Validation("children", string.Create(
                CultureInfo.InvariantCulture, $"The children add up to {sum:#,0.##}; the target is {target.Amount:#,0.##}. A split must add up to its target exactly."));
        }

        var existing = await db.Targets.Where(t => t.ParentId == target.Id).ToListAsync(cancellationToken);
        var kept = new List<SalesTarget>();
        foreach (var child in existing)
        {
            var same = wanted.Value.FirstOrDefault(w => TargetSlots.SameSlot(w, child));
            if (same is null || same.Amount != child.Amount)
            {
                if (child.Split is not null)
                {
                    return Error.Unprocessable("target.child_is_split", "children", $"The share starting {child.StartsOn:yyyy-MM-dd} for {child.Level.ToString().ToLowerInvariant()} '{child.SubjectId}' is split itself: change its split first.");
                }

                if (same is null)
                {
                    db.Targets.Remove(child);
                    continue;
                }

                child.ChangeAmount(same.Amount, now);
            }

            kept.Add(child);
        }

        SalesTarget[] added = [.. wanted.Value.Where(w => !existing.Any(e => TargetSlots.SameSlot(w, e)))];
        if (await TargetSlots.TakenAsync(db, added, cancellationToken))
        {
            return TargetSlots.Taken;
        }

        db.Targets.AddRange(added);
        target.SplitInto(input.Children.Count == 0 ? null : input.By, now);
        return await TargetSlots.SaveAsync(db, cancellationToken) ?? await reader.TreeAsync(target.Id, cancellationToken);
    }

    private async Task<Result<IReadOnlyList<SalesTarget>>> SubjectsAsync(SalesTarget target, TargetSplitInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (target.Level == TargetLevel.Rep)
        {
            return Error.Validation("by", "A rep's target is split into periods.");
        }

        var organisation = await users.OrganisationAsync(cancellationToken);
        var parent = TargetSubject.Find(organisation, target.Level, target.SubjectId);
        if (parent is null)
        {
            return Error.Unprocessable("target.subject_unknown", "id", "The target's region, team or rep is no longer in the organisation.");
        }

        var children = new List<SalesTarget>();
        for (var i = 0; i < input.Children.Count; i++)
        {
            var share = input.Children[i];
            var subject = parent.Below(organisation, share.SubjectId!.Value);
            var field = $"children[{i}].subjectId";
            if (subject is null)
            {
                return Error.Validation(field, "Not a subject this target is split among: the company's regions or teams, a region's teams, a team's members.");
            }

            if (children.Any(c => c.SubjectId == subject.Id))
            {
                return Error.Validation(field, "Each subject has one share.");
            }

            if (children.Count > 0 && children[0].Level != subject.Level)
            {
                return Error.Validation(field, "The company's target is split among regions or among teams, not both.");
            }

            children.Add(target.Child(subject.Level, subject.Id, subject.TeamId ?? target.TeamId, target.Period, target.StartsOn, share.Amount, currentUser.Id, now));
        }

        return children;
    }

    private Result<IReadOnlyList<SalesTarget>> Periods(SalesTarget target, TargetSplitInput input, DateTimeOffset now)
    {
        var period = input.Period!.Value;
        if (!TargetPeriods.Tiles(target.Period, period))
        {
            return Error.Validation("period", $"A {target.Period.ToString().ToLowerInvariant()} is not split into {period.ToString().ToLowerInvariant()}s: a year into quarters, months or days, a quarter into months or days, a month or a week into days.");
        }

        var children = new List<SalesTarget>();
        for (var i = 0; i < input.Children.Count; i++)
        {
            var share = input.Children[i];
            var startsOn = share.StartsOn!.Value;
            var field = $"children[{i}].startsOn";
            if (!TargetPeriods.IsStart(period, startsOn) || startsOn < target.StartsOn || TargetPeriods.End(period, startsOn) > target.EndsOn)
            {
                return Error.Validation(field, string.Create(CultureInfo.InvariantCulture, $"Not the first day of a {period.ToString().ToLowerInvariant()} within {target.StartsOn:yyyy-MM-dd} – {target.EndsOn:yyyy-MM-dd}."));
            }

            if (children.Any(c => c.StartsOn == startsOn))
            {
                return Error.Validation(field, "Each period has one share.");
            }

            children.Add(target.Child(target.Level, target.SubjectId, target.TeamId, period, startsOn, share.Amount, currentUser.Id, now));
        }

        return children;
    }
}

/// <summary>Each slot (kind, subject, period, category) holds one target: a split cannot create a target someone set on its own.</summary>
internal static class TargetSlots
{
    public static readonly Error Taken = Error.Conflict("target.exists", "A target of this kind is already set for this subject and period (on its own or in another split).");

    public static bool SameSlot(SalesTarget a, SalesTarget b) =>
        a.Level == b.Level && a.SubjectId == b.SubjectId && a.Period == b.Period && a.StartsOn == b.StartsOn;

    public static async Task<bool> TakenAsync(DealsDbContext db, IReadOnlyList<SalesTarget> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return false;
        }

        var (kind, category) = (candidates[0].Kind, candidates[0].ProductCategory);
        DateOnly[] starts = [.. candidates.Select(c => c.StartsOn).Distinct()];
        var sameKind = await db.Targets.AsNoTracking()
            .Where(t => t.Kind == kind && t.ProductCategory == category && starts.Contains(t.StartsOn))
            .Select(t => new { t.Level, t.SubjectId, t.Period, t.StartsOn })
            .ToListAsync(cancellationToken);
        return candidates.Any(c => sameKind.Any(t => t.Level == c.Level && t.SubjectId == c.SubjectId && t.Period == c.Period && t.StartsOn == c.StartsOn));
    }

    /// <summary>Saves; two writers who both found a slot free at once meet the unique index, and the second is told.</summary>
    public static async Task<Error?> SaveAsync(DealsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return Taken;
        }
    }

    /// <summary>The target the caller may change, its row locked, at the version they read: 404, 403 or 412 otherwise.</summary>
    public static async Task<Result<SalesTarget>> LockAsync(DealsDbContext db, TargetAccess access, Guid id, uint expectedVersion, CancellationToken cancellationToken)
    {
        var target = await access.Visible(db.Targets.FromSql($"SELECT *, xmin FROM deals.sales_targets WHERE id = {id} FOR UPDATE")).SingleOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return Error.NotFound("target", id);
        }

        if (!access.CanChange(target))
        {
            return TargetAccess.NotYours;
        }

        return target.Version == expectedVersion ? target : Error.StaleVersion;
    }
}

internal sealed class ListTargetsHandler(DealsDbContext db, TargetAccess access, TargetReader reader, TimeProvider clock) : IQueryHandler<ListTargetsQuery, Result<TargetListDto>>
{
    private const int MaxItems = 100;

    public async ValueTask<Result<TargetListDto>> Handle(ListTargetsQuery query, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var year = query.Year ?? today.Year;
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var visible = access.Visible(db.Targets.AsNoTracking());
        // The top of what the caller sees: visible targets whose parent they do not see (or that have none).
        var tops = visible.Where(t => t.StartsOn <= last && t.EndsOn >= first && (t.ParentId == null || !visible.Any(p => p.Id == t.ParentId)));
        if (query.Kind?.Value is { } kind)
        {
            tops = tops.Where(t => t.Kind == kind);
        }

        var targets = await tops.OrderBy(t => t.Kind).ThenBy(t => t.Level).ThenBy(t => t.StartsOn).ThenBy(t => t.Period).ThenBy(t => t.Id)
            .Take(MaxItems).ToListAsync(cancellationToken);
        return new TargetListDto(today, await reader.ReadAsync(targets, cancellationToken));
    }
}

internal sealed class TargetOrganisationHandler(IUserDirectory users, TargetAccess access) : IQueryHandler<TargetOrganisationQuery, Result<TargetOrganisationDto>>
{
    public async ValueTask<Result<TargetOrganisationDto>> Handle(TargetOrganisationQuery query, CancellationToken cancellationToken)
    {
        var organisation = await users.OrganisationAsync(cancellationToken);
        return new TargetOrganisationDto(
        [
            .. organisation.Regions
                .Select(r => new TargetRegionDto(
                    r.Id,
                    r.Name,
                    [.. r.Teams.Where(t => access.CanChange(TargetLevel.Team, t.Id)).Select(t => new TargetTeamDto(t.Id, t.Name, [.. t.Members.Select(m => new TargetMemberDto(m.Id, m.DisplayName))]))]))
                .Where(r => r.Teams.Count > 0 || access.CanChange(TargetLevel.Region, null)),
        ]);
    }
}

internal sealed class GetTargetHandler(TargetReader reader) : IQueryHandler<GetTargetQuery, Result<TargetTreeDto>>
{
    public async ValueTask<Result<TargetTreeDto>> Handle(GetTargetQuery query, CancellationToken cancellationToken) => await reader.TreeAsync(query.Id, cancellationToken);
}

internal static class TargetEndpoints
{
    private static readonly string[] Setters = [Roles.Manager, Roles.Director, Roles.Admin];

    public static void Map(IEndpointRouteBuilder api)
    {
        var targets = api.MapGroup("/targets").WithTags("Targets");
        targets.MapGet("/", async ([AsParameters] ListTargetsQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Targets_List")
            .WithSummary("The targets at the top of what you may see (a rep: their team's and their own), overlapping a year, each with its progress")
            .ProducesValidationProblem();

        targets.MapGet("/organisation", async (IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new TargetOrganisationQuery(), cancellationToken)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(policy => policy.RequireRole(Setters))
            .WithName("Targets_Organisation")
            .WithSummary("The regions, teams and members you may set targets for (directors: all; managers: their team), to set and split targets among")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        targets.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new GetTargetQuery(id), cancellationToken)).ToHttp(tree =>
                {
                    response.SetETag(tree.Target.Version);
                    return TypedResults.Ok(tree);
                }))
            .WithName("Targets_Get")
            .WithSummary("A target and the children you may see, each with actual, percent achieved and run-rate forecast; the ETag is the target's version")
            .ProducesProblem(StatusCodes.Status404NotFound);

        targets.MapPost("/", async (TargetInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new CreateTargetCommand(body), cancellationToken)).ToHttp(tree =>
                {
                    response.SetETag(tree.Target.Version);
                    return TypedResults.Created($"/api/v1/targets/{tree.Target.Id}", tree);
                }))
            .RequireAuthorization(policy => policy.RequireRole(Setters))
            .RejectUnknownQuery()
            .WithName("Targets_Create")
            .WithSummary("Set a target (directors: any; managers: their team's and its members'): revenue, margin, new customers or collections, for a period")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        targets.MapPut("/{id:guid}", (Guid id, TargetAmountInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new ChangeTargetCommand(id, expected, body), cancellationToken), tree => tree.Target.Version))
            .RequireAuthorization(policy => policy.RequireRole(Setters))
            .WithName("Targets_Change")
            .WithSummary("Change the amount of a target set on its own that is not split; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        targets.MapPut("/{id:guid}/split", (Guid id, TargetSplitInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new SplitTargetCommand(id, expected, body), cancellationToken), tree => tree.Target.Version))
            .RequireAuthorization(policy => policy.RequireRole(Setters))
            .WithName("Targets_Split")
            .WithSummary("目标分解: split a target among the level below or into shorter periods; the children must add up to it exactly (400 on children); requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        targets.MapDelete("/{id:guid}", ([FromRoute] Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, CancellationToken cancellationToken) =>
                ETags.ChangeWithoutBodyAsync(ifMatch, expected => mediator.Send(new RemoveTargetCommand(id, expected), cancellationToken)))
            .RequireAuthorization(policy => policy.RequireRole(Setters))
            .WithName("Targets_Remove")
            .WithSummary("Remove a target set on its own, with every target split from it; requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }
}
