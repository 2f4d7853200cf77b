using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Text;

namespace CrmPlatform.Deals.Domain;

/// <summary>What a target counts (seed 001: 销售额、毛利、增加销售网点、货款完全回收).</summary>
public enum TargetKind
{
    /// <summary>销售额: the amounts of deals won in the period.</summary>
    Revenue,

    /// <summary>毛利: amount less cost of the deals won in the period whose cost is known.</summary>
    GrossMargin,

    /// <summary>新增网点: customers whose first won deal falls in the period.</summary>
    NewCustomers,

    /// <summary>货款回收: payments received in the period.</summary>
    Collections,
}

/// <summary>Whose target it is: the organisation's levels, from the top.</summary>
public enum TargetLevel
{
    Company,
    Region,
    Team,
    Rep,
}

/// <summary>How long a target runs.</summary>
public enum TargetPeriod
{
    Year,
    Quarter,
    Month,

    /// <summary>Monday to Sunday.</summary>
    Week,
    Day,
}

/// <summary>How a target's children divide it: among the level below (regions, teams, reps), or into shorter periods of the same subject.</summary>
public enum TargetSplit
{
    Subjects,
    Periods,
}

internal static class TargetLimits
{
    public const int MaxChildren = 400;
}

/// <summary>
/// A sales target (销售目标): an amount of one kind, for one subject (the company, a region, a team or a rep), over one
/// period. A target may be split (目标分解) among the level below or into shorter periods; its children then add up to
/// it exactly, and it is changed only through that split (ADR 0033).
/// </summary>
internal sealed class SalesTarget : IAudited
{
    private SalesTarget()
    {
    }

    public Guid Id { get; private init; }

    public TargetKind Kind { get; private init; }

    public TargetLevel Level { get; private init; }

    /// <summary>The region, team or rep; null for the company.</summary>
    public Guid? SubjectId { get; private init; }

    /// <summary>The team a team's or a rep's target belongs to: whose manager splits it and sees it.</summary>
    public Guid? TeamId { get; private init; }

    public TargetPeriod Period { get; private init; }

    public DateOnly StartsOn { get; private init; }

    /// <summary>The period's last day (inclusive).</summary>
    public DateOnly EndsOn { get; private init; }

    /// <summary>Revenue or margin of one product category only; null for all products.</summary>
    public string? ProductCategory { get; private init; }

    /// <summary>Yuan for money kinds; a whole number of customers for <see cref="TargetKind.NewCustomers"/>.</summary>
    public decimal Amount { get; private set; }

    public Guid? ParentId { get; private init; }

    /// <summary>How the children divide it; null while it has none.</summary>
    public TargetSplit? Split { get; private set; }

    public Guid CreatedBy { get; private init; }

    [NotAudited]
    public DateTimeOffset CreatedAt { get; private init; }

    [NotAudited]
    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static SalesTarget Create(
        TargetKind kind, TargetLevel level, Guid? subjectId, Guid? teamId, TargetPeriod period, DateOnly startsOn, string? productCategory, decimal amount, Guid by, DateTimeOffset now) =>
        New(null, kind, level, subjectId, teamId, period, startsOn, productCategory, amount, by, now);

    /// <summary>A child of this target: the same kind and category, for a subject one level down or a shorter period.</summary>
    public SalesTarget Child(TargetLevel level, Guid? subjectId, Guid? teamId, TargetPeriod period, DateOnly startsOn, decimal amount, Guid by, DateTimeOffset now) =>
        New(Id, Kind, level, subjectId, teamId, period, startsOn, ProductCategory, amount, by, now);

    public void SplitInto(TargetSplit? split, DateTimeOffset now) => (Split, UpdatedAt) = (split, now);

    public void ChangeAmount(decimal amount, DateTimeOffset now) => (Amount, UpdatedAt) = (amount, now);

    private static SalesTarget New(
        Guid? parentId, TargetKind kind, TargetLevel level, Guid? subjectId, Guid? teamId, TargetPeriod period, DateOnly startsOn, string? productCategory, decimal amount, Guid by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ParentId = parentId,
        Kind = kind,
        Level = level,
        SubjectId = subjectId,
        TeamId = teamId,
        Period = period,
        StartsOn = startsOn,
        EndsOn = TargetPeriods.End(period, startsOn),
        ProductCategory = OptionalText.Normalize(productCategory),
        Amount = amount,
        CreatedBy = by,
        CreatedAt = now,
        UpdatedAt = now,
    };
}

/// <summary>The calendar of targets: where each kind of period starts and ends, and which shorter periods tile it.</summary>
internal static class TargetPeriods
{
    public static bool IsStart(TargetPeriod period, DateOnly day) => period switch
    {
        TargetPeriod.Year => day is { Month: 1, Day: 1 },
        TargetPeriod.Quarter => day.Day == 1 && day.Month % 3 == 1,
        TargetPeriod.Month => day.Day == 1,
        TargetPeriod.Week => day.DayOfWeek == DayOfWeek.Monday,
        _ => true,
    };

    public static DateOnly End(TargetPeriod period, DateOnly start) => period switch
    {
        TargetPeriod.Year => start.AddYears(1).AddDays(-1),
        TargetPeriod.Quarter => start.AddMonths(3).AddDays(-1),
        TargetPeriod.Month => start.AddMonths(1).AddDays(-1),
        TargetPeriod.Week => start.AddDays(6),
        _ => start,
    };

    /// <summary>
    /// Whether periods of <paramref name="child"/>'s kind tile one of <paramref name="parent"/>'s exactly: a year into
    /// quarters, months or days, a quarter into months or days, a month or a week into days. Weeks do not tile months
    /// or years, so a week's target is set on its own.
    /// </summary>
    public static bool Tiles(TargetPeriod parent, TargetPeriod child) => (parent, child) switch
    {
        (TargetPeriod.Year, TargetPeriod.Quarter or TargetPeriod.Month or TargetPeriod.Day) => true,
        (TargetPeriod.Quarter, TargetPeriod.Month or TargetPeriod.Day) => true,
        (TargetPeriod.Month or TargetPeriod.Week, TargetPeriod.Day) => true,
        _ => false,
    };

    /// <summary>
    /// Whether a target of <paramref name="parent"/>'s level is split among subjects of <paramref name="child"/>'s: the
    /// company among regions (or straight among teams, for a company without regions), a region among its teams, a team
    /// among its members.
    /// </summary>
    public static bool SplitsInto(TargetLevel parent, TargetLevel child) => (parent, child) switch
    {
        (TargetLevel.Company, TargetLevel.Region or TargetLevel.Team) => true,
        (TargetLevel.Region, TargetLevel.Team) => true,
        (TargetLevel.Team, TargetLevel.Rep) => true,
        _ => false,
    };
}
