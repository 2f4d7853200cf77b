using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Text;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Complaints.Contracts;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Deals.Contracts;
using CrmPlatform.Identity.Contracts;
using CrmPlatform.Visits.Domain;
using CrmPlatform.Visits.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Visits.Features;

/// <summary>The week's sales from Deals (when it runs), for the team and per rep.</summary>
/// <param name="AverageSalesPerRep">Order amount ÷ the team's reps, to the fen (人均周销售额).</param>
/// <param name="MonthTarget">The reps' monthly revenue targets for the month of the week's Sunday, added up.</param>
/// <param name="MonthAchieved">Their revenue from the month's first day to the week's Sunday.</param>
public sealed record WeeklySalesDto(
    int Orders, decimal OrderAmount, decimal Collected, int NewCustomers, decimal AverageSalesPerRep, decimal? MonthTarget, decimal? MonthAchieved, decimal? MonthAchievedPercent);

public sealed record RepSalesDto(int Orders, decimal OrderAmount, decimal Collected, int NewCustomers);

public sealed record WeeklyRepDto(Guid RepId, string RepName, ActivityCounts Activity, RepSalesDto? Sales);

/// <summary>A competitor's promotion or new product a rep of the team reported in the week.</summary>
public sealed record CompetitorMoveDto(
    Guid ReportId, DateOnly ObservedOn, string? RepName, MarketReportKind Kind, MarketSeverity Severity, string? Competitor, string? Product, string Description);

/// <summary>A customer of the team overdue for a visit by its cadence when the week was counted.</summary>
public sealed record AbnormalCustomerDto(Guid CustomerId, string Name, Guid OwnerId, string? OwnerName, DateOnly VisitDue);

/// <summary>A customer of the team who bought for less than half in the last 13 weeks than in the 13 before, to the week's Sunday.</summary>
/// <param name="Previous">CNY bought in the quarter before.</param>
/// <param name="Recent">CNY bought in the last quarter.</param>
public sealed record FallingCustomerDto(Guid CustomerId, string Name, Guid OwnerId, string? OwnerName, decimal Previous, decimal Recent);

/// <summary>A customer of the team with complaints still open when the week was counted.</summary>
/// <param name="Overdue">Of <paramref name="Open"/>, those past their promised time.</param>
public sealed record ComplainingCustomerDto(Guid CustomerId, string Name, Guid OwnerId, string? OwnerName, int Open, int Overdue);

/// <summary>What the week came to (docs/api.md, "Weekly progress report"); each part lists the rows it counts per rep.</summary>
/// <param name="Team">The team's visits, rates and reports: its reps' added up.</param>
/// <param name="Sales">Null when the Deals module does not run.</param>
/// <param name="AbnormalCustomerCount">All the team's customers overdue for a visit; <paramref name="AbnormalCustomers"/> lists the 50 longest overdue.</param>
/// <param name="FallingCustomerCount">All the team's customers whose purchases fell by more than half; <paramref name="FallingCustomers"/> lists the 50 largest falls.</param>
/// <param name="ComplainingCustomerCount">
/// All the team's customers with complaints open when the week was compiled; <paramref name="ComplainingCustomers"/> lists 50, the most
/// overdue first. Null when not counted: the Complaints module does not run, or the week was compiled before it was counted.
/// </param>
public sealed record WeeklyFiguresDto(
    DateOnly From,
    DateOnly To,
    ActivityCounts Team,
    WeeklySalesDto? Sales,
    IReadOnlyList<WeeklyRepDto> Reps,
    IReadOnlyList<CompetitorMoveDto> CompetitorMoves,
    int AbnormalCustomerCount,
    IReadOnlyList<AbnormalCustomerDto> AbnormalCustomers,
    int FallingCustomerCount,
    IReadOnlyList<FallingCustomerDto> FallingCustomers,
    int? ComplainingCustomerCount,
    IReadOnlyList<ComplainingCustomerDto>? ComplainingCustomers);

/// <param name="Version">Row version: If-Match for a change.</param>
public sealed record WeeklyReportDto(
    Guid Id,
    Guid TeamId,
    string? TeamName,
    DateOnly WeekStart,
    WeeklyReportStatus Status,
    WeeklyFiguresDto Figures,
    DateTimeOffset CompiledAt,
    string? Plan,
    string? Comment,
    decimal? NextWeekTarget,
    Guid? SubmittedBy,
    DateTimeOffset? SubmittedAt,
    uint Version);

/// <param name="TeamId">The team; the caller's own when omitted (a director names one).</param>
/// <param name="WeekStart">The week's Monday; this week's when omitted.</param>
public sealed record CompileWeeklyInput(Guid? TeamId, DateOnly? WeekStart);

/// <param name="Plan">Next week's plan (下周计划).</param>
/// <param name="NextWeekTarget">Next week's sales target for the team, in yuan.</param>
public sealed record WeeklyReportInput(
    [property: MaxLength(WeeklyLimits.Text)] string? Plan,
    [property: MaxLength(WeeklyLimits.Text)] string? Comment,
    decimal? NextWeekTarget);

/// <summary>The query string of <c>GET /visits/weekly-reports</c>.</summary>
public sealed record ListWeeklyReportsQuery(Guid? TeamId, DateOnly? From, DateOnly? To, QueryEnum<WeeklyReportStatus>? Status) : IQuery<Result<IReadOnlyList<WeeklyReportDto>>>;

public sealed record GetWeeklyReportQuery(Guid Id) : IQuery<Result<WeeklyReportDto>>;

public sealed record CompileWeeklyCommand(CompileWeeklyInput Week) : ICommand<Result<WeeklyReportDto>>;

public sealed record WriteWeeklyCommand(Guid Id, uint ExpectedVersion, WeeklyReportInput Report) : ICommand<Result<WeeklyReportDto>>;

public sealed record SubmitWeeklyCommand(Guid Id, uint ExpectedVersion) : ICommand<Result<WeeklyReportDto>>;

internal sealed class CompileWeeklyValidator : AbstractValidator<CompileWeeklyCommand>
{
    public CompileWeeklyValidator()
    {
        RuleFor(c => c.Week.WeekStart).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest)
            .When(c => c.Week.WeekStart is not null)
            .OverridePropertyName("weekStart");
        RuleFor(c => c.Week.WeekStart).Must(d => d!.Value.DayOfWeek == DayOfWeek.Monday)
            .When(c => c.Week.WeekStart is not null)
            .OverridePropertyName("weekStart")
            .WithMessage("A week starts on a Monday.");
    }
}

internal sealed class WriteWeeklyValidator : AbstractValidator<WriteWeeklyCommand>
{
    public WriteWeeklyValidator() => RuleFor(c => c.Report).ChildRules(report =>
    {
        report.RuleFor(r => r.Plan).MaximumLength(WeeklyLimits.Text);
        report.RuleFor(r => r.Comment).MaximumLength(WeeklyLimits.Text);
        report.RuleFor(r => r.NextWeekTarget).InclusiveBetween(0, ReportLimits.MaxAmount).PrecisionScale(11, 2, ignoreTrailingZeros: true).When(r => r.NextWeekTarget is not null);
    }).AtBodyRoot();
}

/// <summary>A team's weekly reports: its members and managers read them, directors read all; only the team's manager writes and submits.</summary>
internal sealed class WeeklyAccess(VisitsDbContext db, ICurrentUser currentUser)
{
    public IQueryable<WeeklyReport> Visible() => currentUser.Scope() == ScopeKind.All
        ? db.WeeklyReports
        : db.WeeklyReports.Where(r => currentUser.TeamId != null && r.TeamId == currentUser.TeamId);

    public Error? MayWrite(WeeklyReport report) => currentUser.Role == Roles.Manager && currentUser.TeamId == report.TeamId
        ? null
        : Error.Forbidden("weekly.not_manager", "The team's manager writes and submits its weekly report.");

    /// <summary>A manager compiles their team's week, a director any team's.</summary>
    public Result<Guid> TeamToCompile(Guid? teamId) => (currentUser.Scope(), teamId ?? currentUser.TeamId) switch
    {
        (_, null) => Error.Validation("teamId", "Name the team."),
        (ScopeKind.All, { } team) when currentUser.Role is Roles.Director or Roles.Admin => team,
        (ScopeKind.Team, { } team) when team == currentUser.TeamId => team,
        _ => Error.Forbidden("weekly.not_manager", "A team's week is compiled by its manager or a director."),
    };
}

/// <summary>Counts a team's week from plans, visits, reports, market reports, and the Customers and Deals contracts.</summary>
internal sealed class WeeklyCompiler(
    VisitsDbContext db, RepActivity activity, IUserDirectory users, ICustomerCadence cadence, IPurchaseTrends purchases, TimeProvider clock, ISalesResults? sales = null, IComplaintCounts? complaints = null)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>
    /// Counts the week and keeps it on the team's report of the week, made by the first compile. Concurrent compiles of one
    /// week take turns on the row's lock; a compile that loses the race to make the row waits for it, then counts again.
    /// </summary>
    public async Task<WeeklyReport> CompileAsync(OrganisationTeam team, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var figures = JsonSerializer.Serialize(await FiguresAsync(team, weekStart, cancellationToken), Json);
        var now = clock.GetDatabaseUtcNow();
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var transaction = db.Database.CurrentTransaction!;
        var report = await LockedAsync(team.Id, weekStart, cancellationToken);
        if (report is null)
        {
            await transaction.CreateSavepointAsync(nameof(WeeklyReport), cancellationToken);
            report = db.WeeklyReports.Add(WeeklyReport.Compiled(team.Id, weekStart, figures, now)).Entity;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                await transaction.RollbackToSavepointAsync(nameof(WeeklyReport), cancellationToken);
                // The report and the audit rows its insert brought with it were rolled back: forget them.
                foreach (var added in db.ChangeTracker.Entries().Where(entry => entry.State == EntityState.Added).ToList())
                {
                    added.State = EntityState.Detached;
                }

                report = (await LockedAsync(team.Id, weekStart, cancellationToken))!;
                report.Recompile(figures, now);
            }
        }
        else
        {
            report.Recompile(figures, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return report;
    }

    private Task<WeeklyReport?> LockedAsync(Guid teamId, DateOnly weekStart, CancellationToken cancellationToken) =>
        db.WeeklyReports.FromSql($"SELECT *, xmin FROM visits.weekly_reports WHERE team_id = {teamId} AND week_start = {weekStart} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    private async Task<WeeklyFiguresDto> FiguresAsync(OrganisationTeam team, DateOnly from, CancellationToken cancellationToken)
    {
        var to = from.AddDays(6);
        var reps = team.Members.Where(m => m.Role == Roles.Rep).ToList();
        Guid[] repIds = [.. reps.Select(r => r.Id)];
        var counts = await activity.CountAsync(repIds, from, to, cancellationToken);
        var sold = sales is null ? null : (await sales.SalesAsync(repIds, from, to, cancellationToken)).ToDictionary(s => s.Person);
        var rows = reps
            .Select(rep => new WeeklyRepDto(
                rep.Id,
                rep.DisplayName,
                counts[rep.Id],
                sold is null ? null : sold.TryGetValue(rep.Id, out var s) ? new RepSalesDto(s.Orders, s.OrderAmount, s.Collected, s.NewCustomers) : new RepSalesDto(0, 0, 0, 0)))
            .ToList();
        var names = reps.ToDictionary(r => r.Id, r => r.DisplayName);
        var moves = await db.MarketReports.AsNoTracking()
            .Where(r => r.TeamId == team.Id && r.ObservedOn >= from && r.ObservedOn <= to
                && (r.Kind == MarketReportKind.CompetitorPromotion || r.Kind == MarketReportKind.CompetitorNewProduct))
            .OrderBy(r => r.ObservedOn).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var reporters = await users.DisplayNamesAsync([.. moves.Select(m => m.OwnerId).Distinct()], cancellationToken);
        var asOf = DateOnly.FromDayNumber(Math.Min(to.DayNumber, ChinaTime.Today(clock).DayNumber));
        var overdue = await cadence.OverdueForVisitAsync(repIds, asOf, WeeklyLimits.AbnormalCustomers, cancellationToken);
        var falling = await purchases.FallingAsync(repIds, asOf, WeeklyLimits.AbnormalCustomers, cancellationToken);
        var complaining = complaints is null ? null : await complaints.OpenByCustomerAsync(repIds, clock.GetUtcNow(), WeeklyLimits.AbnormalCustomers, cancellationToken);
        return new WeeklyFiguresDto(
            from,
            to,
            rows.Aggregate(ActivityCounts.None, (total, rep) => total.Add(rep.Activity)),
            sold is null ? null : await SalesAsync(rows, repIds, to, cancellationToken),
            rows,
            [.. moves.Select(m => new CompetitorMoveDto(m.Id, m.ObservedOn, reporters.GetValueOrDefault(m.OwnerId), m.Kind, m.Severity, m.Competitor, m.Product, m.Description))],
            overdue.Total,
            [.. overdue.Customers.Select(c => new AbnormalCustomerDto(c.Id, c.Name, c.OwnerId, names.GetValueOrDefault(c.OwnerId), c.VisitDue))],
            falling.Total,
            [.. falling.Customers.Select(c => new FallingCustomerDto(c.Id, c.Name, c.OwnerId, names.GetValueOrDefault(c.OwnerId), c.Previous, c.Recent))],
            complaining?.Total,
            complaining is null
                ? null
                : [.. complaining.Customers.Select(c => new ComplainingCustomerDto(c.CustomerId, c.CustomerName, c.OwnerId, names.GetValueOrDefault(c.OwnerId), c.Open, c.Overdue))]);
    }

    private async Task<WeeklySalesDto> SalesAsync(List<WeeklyRepDto> rows, Guid[] repIds, DateOnly sunday, CancellationToken cancellationToken)
    {
        var targets = await sales!.MonthRevenueTargetsAsync(repIds, sunday, cancellationToken);
        var amount = rows.Sum(r => r.Sales!.OrderAmount);
        decimal? target = targets.Count == 0 ? null : targets.Values.Sum(t => t.Target);
        decimal? achieved = targets.Count == 0 ? null : targets.Values.Sum(t => t.Achieved);
        return new WeeklySalesDto(
            rows.Sum(r => r.Sales!.Orders),
            amount,
            rows.Sum(r => r.Sales!.Collected),
            rows.Sum(r => r.Sales!.NewCustomers),
            rows.Count == 0 ? 0 : Math.Round(amount / rows.Count, 2, MidpointRounding.AwayFromZero),
            target,
            achieved,
            target is { } t && achieved is { } a ? ActivityCounts.Percent(a, t) : null);
    }
}

internal sealed class WeeklyReader(IUserDirectory users)
{
    public async Task<IReadOnlyList<WeeklyReportDto>> ReadAsync(IReadOnlyList<WeeklyReport> reports, CancellationToken cancellationToken)
    {
        var teams = await users.TeamNamesAsync([.. reports.Select(r => r.TeamId).Distinct()], cancellationToken);
        return
        [
            .. reports.Select(r => new WeeklyReportDto(
                r.Id, r.TeamId, teams.GetValueOrDefault(r.TeamId), r.WeekStart, r.Status, FiguresOf(r.Figures),
                r.CompiledAt, r.Plan, r.Comment, r.NextWeekTarget, r.SubmittedBy, r.SubmittedAt, r.Version)),
        ];
    }

    public async Task<WeeklyReportDto> ReadAsync(WeeklyReport report, CancellationToken cancellationToken) => (await ReadAsync([report], cancellationToken))[0];

    private static WeeklyFiguresDto FiguresOf(string json)
    {
        var figures = JsonSerializer.Deserialize<WeeklyFiguresDto>(json, WeeklyCompiler.Json)!;
        // A week compiled before falling purchases were counted (December 2026) has none.
        return figures.FallingCustomers is null ? figures with { FallingCustomers = [] } : figures;
    }
}

/// <summary>Compiles a team's week on demand: a draft is counted again, a submitted report is shown as submitted.</summary>
internal sealed class CompileWeeklyHandler(WeeklyAccess access, WeeklyCompiler compiler, WeeklyReader reader, IUserDirectory users, TimeProvider clock)
    : ICommandHandler<CompileWeeklyCommand, Result<WeeklyReportDto>>
{
    public async ValueTask<Result<WeeklyReportDto>> Handle(CompileWeeklyCommand command, CancellationToken cancellationToken)
    {
        var teamId = access.TeamToCompile(command.Week.TeamId);
        if (!teamId.IsSuccess)
        {
            return teamId.Error;
        }

        var team = (await users.OrganisationAsync(cancellationToken)).Team(teamId.Value);
        if (team is null)
        {
            return Error.Unprocessable("weekly.team_unknown", "teamId", "No team has this id.");
        }

        var thisWeek = ChinaWeeks.Of(ChinaTime.Today(clock)).Start;
        var weekStart = command.Week.WeekStart ?? thisWeek;
        if (weekStart > thisWeek)
        {
            return Error.Unprocessable("weekly.future", "weekStart", "A week is compiled once it has begun.");
        }

        return await reader.ReadAsync(await compiler.CompileAsync(team, weekStart, cancellationToken), cancellationToken);
    }
}

internal sealed class WriteWeeklyHandler(VisitsDbContext db, WeeklyAccess access, WeeklyReader reader) : ICommandHandler<WriteWeeklyCommand, Result<WeeklyReportDto>>
{
    public async ValueTask<Result<WeeklyReportDto>> Handle(WriteWeeklyCommand command, CancellationToken cancellationToken)
    {
        var report = await access.Visible().SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken);
        if (report is null)
        {
            return Error.NotFound("weekly report", command.Id);
        }

        if (access.MayWrite(report) is { } forbidden)
        {
            return forbidden;
        }

        if (report.Version != command.ExpectedVersion)
        {
            return Error.StaleVersion;
        }

        var input = command.Report;
        if (report.Write(OptionalText.Normalize(input.Plan), OptionalText.Normalize(input.Comment), input.NextWeekTarget) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await reader.ReadAsync(report, cancellationToken);
    }
}

/// <summary>The manager submits the week to the directors, who are told at once.</summary>
internal sealed class SubmitWeeklyHandler(VisitsDbContext db, WeeklyAccess access, WeeklyReader reader, IUserDirectory users, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SubmitWeeklyCommand, Result<WeeklyReportDto>>
{
    public const string Topic = "visits.weeklySubmitted";

    public async ValueTask<Result<WeeklyReportDto>> Handle(SubmitWeeklyCommand command, CancellationToken cancellationToken)
    {
        var report = await access.Visible().SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken);
        if (report is null)
        {
            return Error.NotFound("weekly report", command.Id);
        }

        if (access.MayWrite(report) is { } forbidden)
        {
            return forbidden;
        }

        if (report.Version != command.ExpectedVersion)
        {
            return Error.StaleVersion;
        }

        var now = clock.GetDatabaseUtcNow();
        if (report.Submit(currentUser.Id, now) is { } problem)
        {
            return problem;
        }

        var teamName = (await users.TeamNamesAsync([report.TeamId], cancellationToken)).GetValueOrDefault(report.TeamId) ?? string.Empty;
        var data = new Dictionary<string, string> { ["teamName"] = teamName, ["weekStart"] = report.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        foreach (var director in await users.SupervisorsAsync(null, cancellationToken))
        {
            db.Publish(new NotifyUser(Guid.CreateVersion7(now), now, director, Topic, data, $"/visits/weekly/{report.Id}", $"weekly:{report.Id}"));
        }

        await db.SaveChangesAsync(cancellationToken);
        return await reader.ReadAsync(report, cancellationToken);
    }
}

internal sealed class GetWeeklyHandler(WeeklyAccess access, WeeklyReader reader) : IQueryHandler<GetWeeklyReportQuery, Result<WeeklyReportDto>>
{
    public async ValueTask<Result<WeeklyReportDto>> Handle(GetWeeklyReportQuery query, CancellationToken cancellationToken) =>
        await access.Visible().AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.Id, cancellationToken) is { } report
            ? await reader.ReadAsync(report, cancellationToken)
            : Error.NotFound("weekly report", query.Id);
}

/// <summary>Weekly reports the caller may see, the latest week first.</summary>
internal sealed class ListWeeklyHandler(WeeklyAccess access, WeeklyReader reader) : IQueryHandler<ListWeeklyReportsQuery, Result<IReadOnlyList<WeeklyReportDto>>>
{
    private const int MaxRows = 100;

    public async ValueTask<Result<IReadOnlyList<WeeklyReportDto>>> Handle(ListWeeklyReportsQuery query, CancellationToken cancellationToken)
    {
        var reports = access.Visible().AsNoTracking();
        if (query.TeamId is { } teamId)
        {
            reports = reports.Where(r => r.TeamId == teamId);
        }

        if (query.From is { } from)
        {
            reports = reports.Where(r => r.WeekStart >= from);
        }

        if (query.To is { } to)
        {
            reports = reports.Where(r => r.WeekStart <= to);
        }

        if (query.Status?.Value is { } status)
        {
            reports = reports.Where(r => r.Status == status);
        }

        var rows = await reports.OrderByDescending(r => r.WeekStart).ThenBy(r => r.TeamId).Take(MaxRows).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<WeeklyReportDto>>.Success(await reader.ReadAsync(rows, cancellationToken));
    }
}

internal static class WeeklyEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var weekly = api.MapGroup("/visits/weekly-reports").WithTags("Visits");
        weekly.MapGet("/", async ([AsParameters] ListWeeklyReportsQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Visits_WeeklyReports")
            .WithSummary("Weekly progress reports you may see (your team's; a director all), the latest week first")
            .ProducesValidationProblem();

        weekly.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new GetWeeklyReportQuery(id), cancellationToken)).ToHttp(report =>
                {
                    response.SetETag(report.Version);
                    return TypedResults.Ok(report);
                }))
            .WithName("Visits_WeeklyReport")
            .WithSummary("A weekly progress report; the ETag is its version")
            .ProducesProblem(StatusCodes.Status404NotFound);

        weekly.MapPost("/compile", async (CompileWeeklyInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new CompileWeeklyCommand(body), cancellationToken)).ToHttp(report =>
                {
                    response.SetETag(report.Version);
                    return TypedResults.Ok(report);
                }))
            .RejectUnknownQuery()
            .WithName("Visits_CompileWeekly")
            .WithSummary("Count a team's week now (周进度控制); Mondays at 00:00 (China) last week is compiled for every team. A submitted report stays as submitted")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        weekly.MapPut("/{id:guid}", (Guid id, WeeklyReportInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new WriteWeeklyCommand(id, expected, body), cancellationToken), report => report.Version))
            .WithName("Visits_WriteWeekly")
            .WithSummary("The manager's plan, comments and next week's target; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        weekly.MapPost("/{id:guid}/submit", (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new SubmitWeeklyCommand(id, expected), cancellationToken), report => report.Version))
            .RejectUnknownQuery()
            .WithName("Visits_SubmitWeekly")
            .WithSummary("Submit the week to the directors, who are notified; requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }
}
