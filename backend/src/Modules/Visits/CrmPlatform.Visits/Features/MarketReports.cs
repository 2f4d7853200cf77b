using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Text;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Contracts;
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

/// <param name="ObservedOn">When it was seen; today (China) when omitted.</param>
/// <param name="CustomerId">The customer it concerns; required for a change of people at a customer.</param>
/// <param name="Competitor">The competitor, for a promotion or a new product.</param>
/// <param name="SuggestedAction">What the rep proposes to do about it (处理意见).</param>
public sealed record MarketReportInput(
    DateOnly? ObservedOn,
    MarketReportKind Kind,
    MarketSeverity Severity,
    Guid? CustomerId,
    [property: MaxLength(MarketLimits.Name)] string? Competitor,
    [property: MaxLength(MarketLimits.Name)] string? Product,
    [property: MaxLength(MarketLimits.Text)] string Description,
    [property: MaxLength(MarketLimits.Text)] string? SuggestedAction);

public sealed record AcknowledgeMarketReportInput([property: MaxLength(MarketLimits.Response)] string? Response);

public sealed record MarketReportDto(
    Guid Id,
    Guid RepId,
    string? RepName,
    Guid? TeamId,
    DateOnly ObservedOn,
    MarketReportKind Kind,
    MarketSeverity Severity,
    Guid? CustomerId,
    string? CustomerName,
    string? Competitor,
    string? Product,
    string Description,
    string? SuggestedAction,
    MarketReportStatus Status,
    string? Response,
    Guid? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset ReportedAt,
    Guid? ComplaintId,
    uint Version);

/// <summary>The query string of <c>GET /visits/market-reports</c>.</summary>
/// <param name="From">Observed on or after this day.</param>
/// <param name="To">Observed on or before this day.</param>
public sealed record ListMarketReportsQuery(
    QueryEnum<MarketReportKind>? Kind,
    QueryEnum<MarketSeverity>? Severity,
    QueryEnum<MarketReportStatus>? Status,
    DateOnly? From,
    DateOnly? To) : IQuery<Result<IReadOnlyList<MarketReportDto>>>;

public sealed record GetMarketReportQuery(Guid Id) : IQuery<Result<MarketReportDto>>;

public sealed record ReportMarketCommand(MarketReportInput Report) : ICommand<Result<MarketReportDto>>;

public sealed record AcknowledgeMarketReportCommand(Guid Id, uint ExpectedVersion, string? Response) : ICommand<Result<MarketReportDto>>;

internal sealed class ReportMarketValidator : AbstractValidator<ReportMarketCommand>
{
    public ReportMarketValidator() => RuleFor(c => c.Report).ChildRules(report =>
    {
        report.RuleFor(r => r.Kind).IsInEnum();
        report.RuleFor(r => r.Severity).IsInEnum();
        report.RuleFor(r => r.ObservedOn).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest).When(r => r.ObservedOn is not null);
        report.RuleFor(r => r.Description).NotEmpty().MaximumLength(MarketLimits.Text);
        report.RuleFor(r => r.SuggestedAction).MaximumLength(MarketLimits.Text);
        report.RuleFor(r => r.Competitor).MaximumLength(MarketLimits.Name);
        report.RuleFor(r => r.Product).MaximumLength(MarketLimits.Name);
        report.RuleFor(r => r.CustomerId).NotNull().When(r => r.Kind == MarketReportKind.PersonnelChange).WithMessage("A change of people is at a customer: name the customer.");
    }).AtBodyRoot();
}

internal sealed class AcknowledgeMarketReportValidator : AbstractValidator<AcknowledgeMarketReportCommand>
{
    public AcknowledgeMarketReportValidator() => RuleFor(c => c.Response).MaximumLength(MarketLimits.Response);
}

internal sealed class MarketReportReader(IUserDirectory users)
{
    public async Task<IReadOnlyList<MarketReportDto>> ReadAsync(IReadOnlyList<MarketReport> reports, CancellationToken cancellationToken)
    {
        var names = await users.DisplayNamesAsync([.. reports.Select(r => r.OwnerId).Distinct()], cancellationToken);
        return
        [
            .. reports.Select(r => new MarketReportDto(
                r.Id, r.OwnerId, names.GetValueOrDefault(r.OwnerId), r.TeamId, r.ObservedOn, r.Kind, r.Severity, r.CustomerId, r.CustomerName, r.Competitor, r.Product,
                r.Description, r.SuggestedAction, r.Status, r.Response, r.AcknowledgedBy, r.AcknowledgedAt, r.ReportedAt, r.ComplaintId, r.Version)),
        ];
    }

    public async Task<MarketReportDto> ReadAsync(MarketReport report, CancellationToken cancellationToken) => (await ReadAsync([report], cancellationToken))[0];
}

/// <summary>
/// Records what the rep saw in the market. A serious report tells the rep's managers and every director at once, in the
/// report's own transaction (the outbox), so it is never saved without them being told.
/// </summary>
internal sealed class ReportMarketHandler(VisitsDbContext db, ICustomerDirectory customers, IUserDirectory users, MarketReportReader reader, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReportMarketCommand, Result<MarketReportDto>>
{
    public const string SeriousTopic = "visits.seriousMarketReport";

    public async ValueTask<Result<MarketReportDto>> Handle(ReportMarketCommand command, CancellationToken cancellationToken)
    {
        var input = command.Report;
        var now = clock.GetDatabaseUtcNow();
        var observedOn = input.ObservedOn ?? ChinaTime.DayOf(now);
        if (observedOn > ChinaTime.DayOf(now))
        {
            return Error.Unprocessable("market.future", "observedOn", "A report tells what was seen, on a day that has begun.");
        }

        (Guid, string)? customer = null;
        if (input.CustomerId is { } customerId)
        {
            var found = await customers.FindVisibleAsync([customerId], cancellationToken);
            if (!found.TryGetValue(customerId, out var card))
            {
                return Error.Unprocessable("market.customer_unknown", "customerId", "No customer with this id exists that you can see.");
            }

            customer = (card.Id, card.Name);
        }

        var report = MarketReport.Report(
            currentUser.Id, currentUser.TeamId, observedOn, input.Kind, input.Severity, customer, OptionalText.Normalize(input.Competitor), OptionalText.Normalize(input.Product),
            input.Description.Trim(), OptionalText.Normalize(input.SuggestedAction), now);
        db.MarketReports.Add(report);
        if (report.Severity == MarketSeverity.Serious)
        {
            await TellSupervisorsAsync(report, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await reader.ReadAsync(report, cancellationToken);
    }

    private async Task TellSupervisorsAsync(MarketReport report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var repName = await users.DisplayNameAsync(report.OwnerId, cancellationToken) ?? string.Empty;
        var data = new Dictionary<string, string>
        {
            ["reportId"] = report.Id.ToString(),
            ["kind"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(report.Kind.ToString()),
            ["repName"] = repName,
            ["observedOn"] = report.ObservedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["summary"] = report.Description.Length <= 80 ? report.Description : string.Concat(report.Description.AsSpan(0, 80), "…"),
        };
        if (report.CustomerName is { } customerName)
        {
            data["customerName"] = customerName;
        }

        foreach (var supervisor in (await users.SupervisorsAsync(report.TeamId, cancellationToken)).Where(id => id != report.OwnerId))
        {
            db.Publish(new NotifyUser(Guid.CreateVersion7(now), now, supervisor, SeriousTopic, data, $"/visits/market-reports/{report.Id}", $"market:{report.Id}"));
        }
    }
}

/// <summary>The rep's manager (or a director) acknowledges a report, with a response when there is one.</summary>
internal sealed class AcknowledgeMarketReportHandler(VisitsDbContext db, MarketReportReader reader, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AcknowledgeMarketReportCommand, Result<MarketReportDto>>
{
    public async ValueTask<Result<MarketReportDto>> Handle(AcknowledgeMarketReportCommand command, CancellationToken cancellationToken)
    {
        var report = await db.MarketReports.VisibleTo(currentUser).SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken);
        if (report is null)
        {
            return Error.NotFound("market report", command.Id);
        }

        if (currentUser.MayReview(report) is { } forbidden)
        {
            return forbidden;
        }

        if (report.Version != command.ExpectedVersion)
        {
            return Error.StaleVersion;
        }

        if (report.Acknowledge(OptionalText.Normalize(command.Response), currentUser.Id, clock.GetDatabaseUtcNow()) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await reader.ReadAsync(report, cancellationToken);
    }
}

internal sealed class GetMarketReportHandler(VisitsDbContext db, MarketReportReader reader, ICurrentUser currentUser) : IQueryHandler<GetMarketReportQuery, Result<MarketReportDto>>
{
    public async ValueTask<Result<MarketReportDto>> Handle(GetMarketReportQuery query, CancellationToken cancellationToken) =>
        await db.MarketReports.AsNoTracking().VisibleTo(currentUser).SingleOrDefaultAsync(r => r.Id == query.Id, cancellationToken) is { } report
            ? await reader.ReadAsync(report, cancellationToken)
            : Error.NotFound("market report", query.Id);
}

/// <summary>Market reports the caller may see, the newest first.</summary>
internal sealed class ListMarketReportsHandler(VisitsDbContext db, MarketReportReader reader, ICurrentUser currentUser)
    : IQueryHandler<ListMarketReportsQuery, Result<IReadOnlyList<MarketReportDto>>>
{
    private const int MaxRows = 200;

    public async ValueTask<Result<IReadOnlyList<MarketReportDto>>> Handle(ListMarketReportsQuery query, CancellationToken cancellationToken)
    {
        var reports = db.MarketReports.AsNoTracking().VisibleTo(currentUser);
        if (query.Kind?.Value is { } kind)
        {
            reports = reports.Where(r => r.Kind == kind);
        }

        if (query.Severity?.Value is { } severity)
        {
            reports = reports.Where(r => r.Severity == severity);
        }

        if (query.Status?.Value is { } status)
        {
            reports = reports.Where(r => r.Status == status);
        }

        if (query.From is { } from)
        {
            reports = reports.Where(r => r.ObservedOn >= from);
        }

        if (query.To is { } to)
        {
            reports = reports.Where(r => r.ObservedOn <= to);
        }

        var rows = await reports.OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id).Take(MaxRows).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<MarketReportDto>>.Success(await reader.ReadAsync(rows, cancellationToken));
    }
}

internal static class MarketReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/visits/market-reports").WithTags("Visits");
        reports.MapGet("/", async ([AsParameters] ListMarketReportsQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Visits_MarketReports")
            .WithSummary("Market situation reports you may see, newest first; filter by kind, severity, status and the days observed")
            .ProducesValidationProblem();

        reports.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new GetMarketReportQuery(id), cancellationToken)).ToHttp(report =>
                {
                    response.SetETag(report.Version);
                    return TypedResults.Ok(report);
                }))
            .WithName("Visits_MarketReport")
            .WithSummary("A market situation report; the ETag is its version")
            .ProducesProblem(StatusCodes.Status404NotFound);

        reports.MapPost("/", async (MarketReportInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new ReportMarketCommand(body), cancellationToken)).ToHttp(report =>
                {
                    response.SetETag(report.Version);
                    return TypedResults.Created($"/api/v1/visits/market-reports/{report.Id}", report);
                }))
            .RejectUnknownQuery()
            .WithName("Visits_ReportMarket")
            .WithSummary("Report what you saw in the market (市场状况反映表); a serious report notifies your manager and the directors at once")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        reports.MapPost("/{id:guid}/acknowledge", (Guid id, AcknowledgeMarketReportInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new AcknowledgeMarketReportCommand(id, expected, body.Response), cancellationToken), report => report.Version))
            .RejectUnknownQuery()
            .WithName("Visits_AcknowledgeMarketReport")
            .WithSummary("Acknowledge a rep's market report with a response (the rep's manager or a director); requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }
}
