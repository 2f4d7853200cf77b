using CrmPlatform.BuildingBlocks.Text;
using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Time;
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
using Microsoft.Extensions.Options;

namespace CrmPlatform.Visits.Features;

/// <summary>A daily report as the rep files it (每日销售报告表); the visit figures are counted from the day's visits, not sent.</summary>
/// <param name="Orders">Orders taken (订货), prefilled from Deals' wins when it runs.</param>
/// <param name="Collected">Payments collected (收款), in yuan, prefilled from Deals.</param>
/// <param name="Lessons">Today's lessons (今日心得).</param>
public sealed record DailyReportInput(
    DateOnly Day,
    Attendance Attendance,
    int ComplaintsHandled,
    [property: MaxLength(ReportLimits.Text)] string? ComplaintNotes,
    int Orders,
    decimal OrderAmount,
    decimal Collected,
    [property: MaxLength(ReportLimits.Text)] string? CompetitorInfo,
    [property: MaxLength(ReportLimits.Text)] string? CustomerFeedback,
    [property: MaxLength(ReportLimits.Text)] string? CustomerNews,
    [property: MaxLength(ReportLimits.Text)] string? Lessons);

public sealed record ReviewReportInput([property: MaxLength(ReportLimits.Comment)] string Comment);

/// <summary>The day's selling efficiency (评价推销的效率).</summary>
/// <param name="EffectiveVisits">Visits checked out with an outcome.</param>
/// <param name="OrdersPerVisit">Orders ÷ visits, to two places; null without visits.</param>
/// <param name="CostPerVisit">Cost ÷ visits, to the fen; null without visits.</param>
public sealed record DayEfficiencyDto(int Visits, int EffectiveVisits, decimal Cost, int Minutes, decimal? OrdersPerVisit, decimal? CostPerVisit);

/// <param name="MonthTarget">The rep's revenue target for the month, when one is set in Deals.</param>
/// <param name="MonthAchievedPercent">Month-to-day revenue ÷ target, in percent to one place (达成率).</param>
/// <param name="Late">Filed after the cut-off.</param>
/// <param name="ReviewComment">The manager's comment (批示).</param>
public sealed record DailyReportDto(
    Guid Id,
    Guid RepId,
    string? RepName,
    Guid? TeamId,
    DateOnly Day,
    Attendance Attendance,
    int ComplaintsHandled,
    string? ComplaintNotes,
    int Orders,
    decimal OrderAmount,
    decimal Collected,
    string? CompetitorInfo,
    string? CustomerFeedback,
    string? CustomerNews,
    string? Lessons,
    DayEfficiencyDto Efficiency,
    decimal? MonthTarget,
    decimal? MonthAchieved,
    decimal? MonthAchievedPercent,
    ReportStatus Status,
    DateTimeOffset SubmittedAt,
    bool Late,
    string? ReviewComment,
    Guid? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    uint Version);

/// <summary>What the report of a day starts from: the day's visits and, when Deals runs, the day's orders, collections and the month's target.</summary>
/// <param name="DueAt">The cut-off: a report filed after it is late.</param>
/// <param name="Sales">The day's orders and collections from Deals; null when the Deals module does not run (enter them by hand).</param>
/// <param name="ReportId">The day's report, when it is already filed.</param>
public sealed record DailyReportDraftDto(
    DateOnly Day,
    DateTimeOffset DueAt,
    IReadOnlyList<VisitRecordDto> Visits,
    DayEfficiencyDto Efficiency,
    DaySalesDto? Sales,
    decimal? MonthTarget,
    decimal? MonthAchieved,
    decimal? MonthAchievedPercent,
    Guid? ReportId);

public sealed record DaySalesDto(int Orders, decimal OrderAmount, decimal Collected);

/// <summary>The query string of <c>GET /visits/reports</c>.</summary>
/// <param name="Status">Submitted: the reports waiting for the manager's comment (the inbox), oldest first.</param>
/// <param name="From">With <paramref name="To"/>: reports of these days, at most 31.</param>
/// <param name="Late">True: only reports filed after their cut-off.</param>
public sealed record ListReportsQuery(DateOnly? Day, DateOnly? From, DateOnly? To, Guid? RepId, Guid? TeamId, QueryEnum<ReportStatus>? Status, bool? Late) : IQuery<Result<IReadOnlyList<DailyReportDto>>>;

public sealed record GetReportQuery(Guid Id) : IQuery<Result<DailyReportDto>>;

/// <param name="Day">The day to report; today (China) when omitted.</param>
public sealed record ReportDraftQuery(DateOnly? Day) : IQuery<Result<DailyReportDraftDto>>;

public sealed record FileReportCommand(DailyReportInput Report) : ICommand<Result<DailyReportDto>>;

public sealed record CorrectReportCommand(Guid Id, uint ExpectedVersion, DailyReportInput Report) : ICommand<Result<DailyReportDto>>;

public sealed record ReviewReportCommand(Guid Id, uint ExpectedVersion, string Comment) : ICommand<Result<DailyReportDto>>;

internal sealed class DailyReportInputValidator : AbstractValidator<DailyReportInput>
{
    public DailyReportInputValidator()
    {
        RuleFor(r => r.Day).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest);
        RuleFor(r => r.Attendance).IsInEnum();
        RuleFor(r => r.ComplaintsHandled).InclusiveBetween(0, ReportLimits.MaxCount);
        RuleFor(r => r.Orders).InclusiveBetween(0, ReportLimits.MaxCount);
        RuleFor(r => r.OrderAmount).InclusiveBetween(0, ReportLimits.MaxAmount).PrecisionScale(11, 2, ignoreTrailingZeros: true);
        RuleFor(r => r.Collected).InclusiveBetween(0, ReportLimits.MaxAmount).PrecisionScale(11, 2, ignoreTrailingZeros: true);
        RuleFor(r => r.ComplaintNotes).MaximumLength(ReportLimits.Text);
        RuleFor(r => r.CompetitorInfo).MaximumLength(ReportLimits.Text);
        RuleFor(r => r.CustomerFeedback).MaximumLength(ReportLimits.Text);
        RuleFor(r => r.CustomerNews).MaximumLength(ReportLimits.Text);
        RuleFor(r => r.Lessons).MaximumLength(ReportLimits.Text);
    }
}

internal sealed class FileReportValidator : AbstractValidator<FileReportCommand>
{
    public FileReportValidator() => RuleFor(c => c.Report).SetValidator(new DailyReportInputValidator()).AtBodyRoot();
}

internal sealed class CorrectReportValidator : AbstractValidator<CorrectReportCommand>
{
    public CorrectReportValidator() => RuleFor(c => c.Report).SetValidator(new DailyReportInputValidator()).AtBodyRoot();
}

internal sealed class ListReportsValidator : AbstractValidator<ListReportsQuery>
{
    public ListReportsValidator() => DayRange.Rules(this, q => q.Day, q => q.From, q => q.To);
}

internal sealed class ReportDraftValidator : AbstractValidator<ReportDraftQuery>
{
    public ReportDraftValidator() => RuleFor(q => q.Day).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest).When(q => q.Day is not null);
}

internal sealed class ReviewReportValidator : AbstractValidator<ReviewReportCommand>
{
    public ReviewReportValidator() =>
        RuleFor(c => c.Comment).NotEmpty().WithMessage("Write your comment (批示).").MaximumLength(ReportLimits.Comment);
}

/// <summary>A rep's day as the report counts it: the visits checked in on the day, and the cut-off the report is due by.</summary>
internal sealed class ReportDay(VisitsDbContext db, IOptions<VisitsOptions> options)
{
    public DateTimeOffset DueAt(DateOnly day) =>
        ChinaTime.StartOf(day.AddDays(options.Value.ReportDueDaysAfter)) + options.Value.ReportDueAt.ToTimeSpan();

    public async Task<IReadOnlyList<VisitRecord>> VisitsAsync(Guid repId, DateOnly day, CancellationToken cancellationToken)
    {
        var (from, to) = (ChinaTime.StartOf(day), ChinaTime.StartOf(day.AddDays(1)));
        return await db.Visits.AsNoTracking().Where(v => v.OwnerId == repId && v.CheckedInAt >= from && v.CheckedInAt < to)
            .OrderBy(v => v.CheckedInAt).ThenBy(v => v.Id).ToListAsync(cancellationToken);
    }

    public static DayVisits Count(IReadOnlyList<VisitRecord> visits) => new(
        visits.Count, visits.Count(v => v.CheckedOutAt is not null), visits.Sum(v => v.Cost ?? 0), visits.Sum(v => v.DurationMinutes));

    public static DayEfficiencyDto Efficiency(DayVisits visits, int orders) => new(
        visits.Visits, visits.EffectiveVisits, visits.Cost, visits.Minutes,
        visits.Visits == 0 ? null : Math.Round((decimal)orders / visits.Visits, 2, MidpointRounding.AwayFromZero),
        visits.Visits == 0 ? null : Math.Round(visits.Cost / visits.Visits, 2, MidpointRounding.AwayFromZero));
}

internal sealed class ReportReader(IUserDirectory users)
{
    public async Task<IReadOnlyList<DailyReportDto>> ReadAsync(IReadOnlyList<DailyReport> reports, CancellationToken cancellationToken)
    {
        var names = await users.DisplayNamesAsync([.. reports.Select(r => r.OwnerId).Distinct()], cancellationToken);
        return [.. reports.Select(r => Dto(r, names.GetValueOrDefault(r.OwnerId)))];
    }

    public async Task<DailyReportDto> ReadAsync(DailyReport report, CancellationToken cancellationToken) => (await ReadAsync([report], cancellationToken))[0];

    /// <summary>The month's revenue achieved against its target, in percent to one place (达成率); null without a target.</summary>
    public static decimal? Percent(decimal? target, decimal? achieved) => target is > 0 ? ActivityCounts.Percent(achieved ?? 0, target.Value) : null;

    private static DailyReportDto Dto(DailyReport r, string? repName)
    {
        var c = r.Content;
        return new DailyReportDto(
            r.Id, r.OwnerId, repName, r.TeamId, r.Day, c.Attendance, c.ComplaintsHandled, c.ComplaintNotes, c.Orders, c.OrderAmount, c.Collected,
            c.CompetitorInfo, c.CustomerFeedback, c.CustomerNews, c.Lessons, ReportDay.Efficiency(r.Visits, c.Orders), r.MonthTarget, r.MonthAchieved, Percent(r.MonthTarget, r.MonthAchieved),
            r.Status, r.SubmittedAt, r.Late, r.ReviewComment, r.ReviewedBy, r.ReviewedAt, r.Version);
    }
}

internal static class ReportInput
{
    public static ReportContent Content(DailyReportInput i) => new(
        i.Attendance, i.ComplaintsHandled, OptionalText.Normalize(i.ComplaintNotes), i.Orders, i.OrderAmount, i.Collected,
        OptionalText.Normalize(i.CompetitorInfo), OptionalText.Normalize(i.CustomerFeedback), OptionalText.Normalize(i.CustomerNews), OptionalText.Normalize(i.Lessons));
}

/// <summary>What the day's report starts from: the visits, and from Deals (when it runs) the orders, collections and the month's target.</summary>
internal sealed class ReportDraftHandler(VisitsDbContext db, ReportDay reportDay, ICurrentUser currentUser, TimeProvider clock, ISalesResults? sales = null)
    : IQueryHandler<ReportDraftQuery, Result<DailyReportDraftDto>>
{
    public async ValueTask<Result<DailyReportDraftDto>> Handle(ReportDraftQuery query, CancellationToken cancellationToken)
    {
        var day = query.Day ?? ChinaTime.Today(clock);
        var visits = await reportDay.VisitsAsync(currentUser.Id, day, cancellationToken);
        DaySalesDto? daySales = null;
        MonthTarget? month = null;
        if (sales is not null)
        {
            var sold = (await sales.SalesAsync([currentUser.Id], day, day, cancellationToken)).SingleOrDefault();
            daySales = new DaySalesDto(sold?.Orders ?? 0, sold?.OrderAmount ?? 0, sold?.Collected ?? 0);
            month = (await sales.MonthRevenueTargetsAsync([currentUser.Id], day, cancellationToken)).GetValueOrDefault(currentUser.Id);
        }

        var reportId = await db.Reports.Where(r => r.OwnerId == currentUser.Id && r.Day == day).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        return new DailyReportDraftDto(
            day, reportDay.DueAt(day), [.. visits.Select(VisitReader.Dto)], ReportDay.Efficiency(ReportDay.Count(visits), daySales?.Orders ?? 0),
            daySales, month?.Target, month?.Achieved, ReportReader.Percent(month?.Target, month?.Achieved), reportId);
    }
}

/// <summary>Files the rep's report of a day: once per day, for a day that has begun, late after the cut-off.</summary>
internal sealed class FileReportHandler(VisitsDbContext db, ReportDay reportDay, ReportReader reader, ICurrentUser currentUser, TimeProvider clock, ISalesResults? sales = null)
    : ICommandHandler<FileReportCommand, Result<DailyReportDto>>
{
    public async ValueTask<Result<DailyReportDto>> Handle(FileReportCommand command, CancellationToken cancellationToken)
    {
        var input = command.Report;
        var now = clock.GetDatabaseUtcNow();
        if (input.Day > ChinaTime.DayOf(now))
        {
            return Error.Unprocessable("report.future", "day", "A day is reported once it has begun.");
        }

        if (await db.Reports.AnyAsync(r => r.OwnerId == currentUser.Id && r.Day == input.Day, cancellationToken))
        {
            return Error.Conflict("report.exists", "You already filed this day's report: correct it instead.");
        }

        var visits = ReportDay.Count(await reportDay.VisitsAsync(currentUser.Id, input.Day, cancellationToken));
        var month = sales is null ? null : (await sales.MonthRevenueTargetsAsync([currentUser.Id], input.Day, cancellationToken)).GetValueOrDefault(currentUser.Id);
        var report = DailyReport.File(
            currentUser.Id, currentUser.TeamId, input.Day, ReportInput.Content(input), visits, month is null ? null : (month.Target, month.Achieved), now > reportDay.DueAt(input.Day), now);
        db.Reports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return Error.Conflict("report.exists", "This day's report was filed meanwhile: correct it instead.");
        }

        return await reader.ReadAsync(report, cancellationToken);
    }
}

internal sealed class CorrectReportHandler(VisitsDbContext db, ReportDay reportDay, ReportReader reader, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CorrectReportCommand, Result<DailyReportDto>>
{
    public async ValueTask<Result<DailyReportDto>> Handle(CorrectReportCommand command, CancellationToken cancellationToken)
    {
        var report = await db.Reports.VisibleTo(currentUser).SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken);
        if (report is null)
        {
            return Error.NotFound("report", command.Id);
        }

        if (currentUser.MayWrite(report) is { } forbidden)
        {
            return forbidden;
        }

        if (report.Version != command.ExpectedVersion)
        {
            return Error.StaleVersion;
        }

        if (command.Report.Day != report.Day)
        {
            return Error.Validation("day", "A report stays on its day.");
        }

        var visits = ReportDay.Count(await reportDay.VisitsAsync(report.OwnerId, report.Day, cancellationToken));
        if (report.Correct(ReportInput.Content(command.Report), visits, clock.GetDatabaseUtcNow()) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await reader.ReadAsync(report, cancellationToken);
    }
}

/// <summary>The manager's comment on a report (批示): the rep's own manager or a director, never the rep.</summary>
internal sealed class ReviewReportHandler(VisitsDbContext db, ReportReader reader, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReviewReportCommand, Result<DailyReportDto>>
{
    public async ValueTask<Result<DailyReportDto>> Handle(ReviewReportCommand command, CancellationToken cancellationToken)
    {
        var report = await db.Reports.VisibleTo(currentUser).SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken);
        if (report is null)
        {
            return Error.NotFound("report", command.Id);
        }

        if (currentUser.MayReview(report) is { } forbidden)
        {
            return forbidden;
        }

        if (report.Version != command.ExpectedVersion)
        {
            return Error.StaleVersion;
        }

        if (report.Review(command.Comment, currentUser.Id, clock.GetDatabaseUtcNow()) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await reader.ReadAsync(report, cancellationToken);
    }
}

internal sealed class GetReportHandler(VisitsDbContext db, ReportReader reader, ICurrentUser currentUser) : IQueryHandler<GetReportQuery, Result<DailyReportDto>>
{
    public async ValueTask<Result<DailyReportDto>> Handle(GetReportQuery query, CancellationToken cancellationToken) =>
        await db.Reports.AsNoTracking().VisibleTo(currentUser).SingleOrDefaultAsync(r => r.Id == query.Id, cancellationToken) is { } report
            ? await reader.ReadAsync(report, cancellationToken)
            : Error.NotFound("report", query.Id);
}

/// <summary>Reports the caller may see; with status=submitted the manager's inbox, oldest first.</summary>
internal sealed class ListReportsHandler(VisitsDbContext db, ReportReader reader, ICurrentUser currentUser) : IQueryHandler<ListReportsQuery, Result<IReadOnlyList<DailyReportDto>>>
{
    private const int MaxRows = 200;

    public async ValueTask<Result<IReadOnlyList<DailyReportDto>>> Handle(ListReportsQuery query, CancellationToken cancellationToken)
    {
        var reports = db.Reports.AsNoTracking().VisibleTo(currentUser);
        if (DayRange.Of(query.Day, query.From, query.To) is { } days)
        {
            reports = reports.Where(r => r.Day >= days.From && r.Day <= days.To);
        }

        if (query.TeamId is { } teamId)
        {
            reports = reports.Where(r => r.TeamId == teamId);
        }

        if (query.Late is { } late)
        {
            reports = reports.Where(r => r.Late == late);
        }

        if (query.RepId is { } repId)
        {
            reports = reports.Where(r => r.OwnerId == repId);
        }

        if (query.Status?.Value is { } status)
        {
            reports = reports.Where(r => r.Status == status);
        }

        var rows = await reports.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Take(MaxRows).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<DailyReportDto>>.Success(await reader.ReadAsync(rows, cancellationToken));
    }
}

internal static class ReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/visits/reports").WithTags("Visits");
        reports.MapGet("/", async ([AsParameters] ListReportsQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Visits_Reports")
            .WithSummary("Daily sales reports you may see (a rep: their own; a manager: the team's); status=submitted is the manager's inbox, oldest first")
            .ProducesValidationProblem();

        reports.MapGet("/draft", async ([AsParameters] ReportDraftQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Visits_ReportDraft")
            .WithSummary("What your report of a day starts from: the day's visits and efficiency, and from Deals the orders, collections and month's target")
            .ProducesValidationProblem();

        reports.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new GetReportQuery(id), cancellationToken)).ToHttp(report =>
                {
                    response.SetETag(report.Version);
                    return TypedResults.Ok(report);
                }))
            .WithName("Visits_Report")
            .WithSummary("A daily sales report; the ETag is its version")
            .ProducesProblem(StatusCodes.Status404NotFound);

        reports.MapPost("/", async (DailyReportInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new FileReportCommand(body), cancellationToken)).ToHttp(report =>
                {
                    response.SetETag(report.Version);
                    return TypedResults.Created($"/api/v1/visits/reports/{report.Id}", report);
                }))
            .RejectUnknownQuery()
            .WithName("Visits_FileReport")
            .WithSummary("File your daily sales report (每日销售报告表); one per day, marked late after the cut-off")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        reports.MapPut("/{id:guid}", (Guid id, DailyReportInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new CorrectReportCommand(id, expected, body), cancellationToken), report => report.Version))
            .WithName("Visits_CorrectReport")
            .WithSummary("Correct your report until your manager has commented on it; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        reports.MapPost("/{id:guid}/review", (Guid id, ReviewReportInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new ReviewReportCommand(id, expected, body.Comment), cancellationToken), report => report.Version))
            .RejectUnknownQuery()
            .WithName("Visits_ReviewReport")
            .WithSummary("Comment on a rep's report (批示): their manager or a director; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }
}
