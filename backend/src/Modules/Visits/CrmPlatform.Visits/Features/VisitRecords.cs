using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Complaints.Contracts;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Deals.Contracts;
using CrmPlatform.Visits.Contracts;
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

/// <summary>Where the browser placed the rep, with its accuracy in metres; sent only when the rep allowed it.</summary>
public sealed record LocationInput(double Latitude, double Longitude, double AccuracyMeters);

/// <param name="PlanId">The day's plan the visit is on, when it was planned.</param>
public sealed record CheckInInput(Guid CustomerId, Guid? PlanId, VisitPurpose Purpose, LocationInput? Location);

/// <param name="Cost">What the visit cost (费用), in yuan.</param>
/// <param name="Ordered">The visit led to an order (成交); false when omitted.</param>
/// <param name="DealId">The deal the visit was about: one of the visited customer's that you can see.</param>
/// <param name="ComplaintId">The complaint the visit was about: one of the visited customer's that you can see, not closed; the complaint keeps the outcome as what the customer was told, in person.</param>
public sealed record CheckOutInput(
    [property: MaxLength(VisitLimits.Outcome)] string Outcome,
    [property: MaxLength(VisitLimits.NextStep)] string? NextStep,
    DateOnly? NextStepDue,
    decimal? Cost,
    bool? Ordered,
    Guid? DealId,
    Guid? ComplaintId,
    LocationInput? Location);

public sealed record VisitRecordDto(
    Guid Id,
    Guid RepId,
    Guid CustomerId,
    string CustomerName,
    Guid? PlanId,
    VisitPurpose Purpose,
    DateTimeOffset CheckedInAt,
    LocationInput? CheckInLocation,
    DateTimeOffset? CheckedOutAt,
    LocationInput? CheckOutLocation,
    string? Outcome,
    string? NextStep,
    DateOnly? NextStepDue,
    decimal? Cost,
    bool Ordered,
    Guid? DealId,
    string? DealTitle,
    Guid? ComplaintId,
    string? ComplaintTitle,
    int DurationMinutes,
    uint Version);

public sealed record CheckInCommand(CheckInInput Visit) : ICommand<Result<VisitRecordDto>>;

public sealed record CheckOutCommand(Guid Id, uint ExpectedVersion, CheckOutInput Visit) : ICommand<Result<VisitRecordDto>>;

/// <summary>The query string of <c>GET /visits/records</c>.</summary>
/// <param name="Day">Visits checked in on this day (Asia/Shanghai); today when neither it nor from/to is given.</param>
/// <param name="From">With <paramref name="To"/>: visits checked in on these days, at most 31.</param>
/// <param name="Outcome">True: only visits checked out with an outcome (effective); false: only those still open.</param>
/// <param name="Ordered">True: only visits that led to an order.</param>
public sealed record ListVisitsQuery(DateOnly? Day, DateOnly? From, DateOnly? To, Guid? RepId, Guid? TeamId, bool? Outcome, bool? Ordered) : IQuery<Result<IReadOnlyList<VisitRecordDto>>>;

internal sealed class ListVisitsValidator : AbstractValidator<ListVisitsQuery>
{
    public ListVisitsValidator() => DayRange.Rules(this, q => q.Day, q => q.From, q => q.To);
}

internal sealed class LocationValidator : AbstractValidator<LocationInput>
{
    public LocationValidator()
    {
        RuleFor(l => l.Latitude).InclusiveBetween(-90, 90);
        RuleFor(l => l.Longitude).InclusiveBetween(-180, 180);
        RuleFor(l => l.AccuracyMeters).InclusiveBetween(0, 100_000);
    }
}

internal sealed class CheckInValidator : AbstractValidator<CheckInCommand>
{
    public CheckInValidator() => RuleFor(c => c.Visit).ChildRules(visit =>
    {
        visit.RuleFor(v => v.CustomerId).NotEmpty();
        visit.RuleFor(v => v.Purpose).IsInEnum();
        visit.RuleFor(v => v.Location!).SetValidator(new LocationValidator()).When(v => v.Location is not null);
    }).AtBodyRoot();
}

internal sealed class CheckOutValidator : AbstractValidator<CheckOutCommand>
{
    public CheckOutValidator() => RuleFor(c => c.Visit).ChildRules(visit =>
    {
        visit.RuleFor(v => v.Outcome).NotEmpty().MaximumLength(VisitLimits.Outcome);
        visit.RuleFor(v => v.NextStep).MaximumLength(VisitLimits.NextStep);
        visit.RuleFor(v => v.Cost).InclusiveBetween(0, VisitLimits.MaxCost).PrecisionScale(8, 2, ignoreTrailingZeros: true).When(v => v.Cost is not null);
        visit.RuleFor(v => v.Location!).SetValidator(new LocationValidator()).When(v => v.Location is not null);
    }).AtBodyRoot();
}

/// <summary>A rep checks in at a customer they can see; the location is kept when the browser gave one.</summary>
internal sealed class CheckInHandler(VisitsDbContext db, ICustomerDirectory customers, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<CheckInCommand, Result<VisitRecordDto>>
{
    public async ValueTask<Result<VisitRecordDto>> Handle(CheckInCommand command, CancellationToken cancellationToken)
    {
        var input = command.Visit;
        var found = await customers.FindVisibleAsync([input.CustomerId], cancellationToken);
        if (!found.TryGetValue(input.CustomerId, out var customer))
        {
            return Error.Unprocessable("visit.customer_unknown", "customerId", "No customer with this id exists that you can see.");
        }

        if (input.PlanId is { } planId && !await db.Plans.AnyAsync(p => p.Id == planId && p.OwnerId == currentUser.Id, cancellationToken))
        {
            return Error.Unprocessable("visit.plan_unknown", "planId", "No plan of yours has this id.");
        }

        var visit = VisitRecord.CheckIn(currentUser.Id, currentUser.TeamId, customer.Id, customer.Name, input.PlanId, input.Purpose, Location(input.Location), clock.GetDatabaseUtcNow());
        db.Visits.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        return VisitReader.Dto(visit);
    }

    internal static VisitLocation? Location(LocationInput? input) => input is null ? null : new VisitLocation(input.Latitude, input.Longitude, input.AccuracyMeters);
}

/// <summary>
/// Checks a visit out with what came of it, and puts it on the customer's timeline (RecordInteraction, with its length)
/// in the same transaction, so the customer's cadence and the activity funnel count it once.
/// </summary>
internal sealed class CheckOutHandler(VisitsDbContext db, ICurrentUser currentUser, TimeProvider clock, IDealDirectory? deals = null, IComplaintDirectory? complaints = null)
    : ICommandHandler<CheckOutCommand, Result<VisitRecordDto>>
{
    public async ValueTask<Result<VisitRecordDto>> Handle(CheckOutCommand command, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.VisibleTo(currentUser).SingleOrDefaultAsync(v => v.Id == command.Id, cancellationToken);
        if (visit is null)
        {
            return Error.NotFound("visit", command.Id);
        }

        if (visit.OwnerId != currentUser.Id)
        {
            return Error.Forbidden("visit.not_yours", "Only the rep who checked in checks the visit out.");
        }

        if (visit.Version != command.ExpectedVersion)
        {
            return Error.StaleVersion;
        }

        var input = command.Visit;
        LinkedRecord? deal = null;
        if (input.DealId is { } dealId)
        {
            var found = deals is null ? null : (await deals.FindVisibleAsync([dealId], cancellationToken)).GetValueOrDefault(dealId);
            if (found is null || found.CustomerId != visit.CustomerId)
            {
                return Error.Unprocessable("visit.deal_unknown", "dealId", "No deal of the visited customer that you can see has this id.");
            }

            deal = new LinkedRecord(found.Id, found.Title);
        }

        LinkedRecord? complaint = null;
        if (input.ComplaintId is { } complaintId)
        {
            var found = complaints is null ? null : await complaints.FindVisibleAsync(complaintId, cancellationToken);
            if (found is null || found.CustomerId != visit.CustomerId || found.Closed)
            {
                return Error.Unprocessable("visit.complaint_unknown", "complaintId", "No complaint of the visited customer that you can see, still open or resolved, has this id.");
            }

            complaint = new LinkedRecord(found.Id, found.Title);
        }

        var now = clock.GetDatabaseUtcNow();
        if (visit.CheckOut(input.Outcome, input.NextStep, input.NextStepDue, input.Cost, input.Ordered ?? false, deal, complaint, CheckInHandler.Location(input.Location), now) is { } problem)
        {
            return problem;
        }

        db.Publish(TimelineEntry(visit, now));
        if (complaint is not null)
        {
            db.Publish(new ComplaintVisited(Guid.CreateVersion7(now), now, complaint.Id, visit.Id, visit.OwnerId, visit.Outcome!));
        }

        await db.SaveChangesAsync(cancellationToken);
        return VisitReader.Dto(visit);
    }

    /// <summary>The checked-out visit as the customer's timeline keeps it, at the time of its check-in.</summary>
    public static RecordInteraction TimelineEntry(VisitRecord visit, DateTimeOffset now) => new(
        Guid.CreateVersion7(now), visit.CheckedInAt, visit.CustomerId, InteractionKind.Visit, null, visit.OwnerId,
        visit.Outcome!, visit.NextStep, visit.NextStepDue, VisitReader.Source, visit.DurationMinutes);
}

internal sealed class ListVisitsHandler(VisitsDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<ListVisitsQuery, Result<IReadOnlyList<VisitRecordDto>>>
{
    public async ValueTask<Result<IReadOnlyList<VisitRecordDto>>> Handle(ListVisitsQuery query, CancellationToken cancellationToken)
    {
        var (first, last) = DayRange.Of(query.Day, query.From, query.To) ?? (ChinaTime.Today(clock), ChinaTime.Today(clock));
        var (from, to) = (ChinaTime.StartOf(first), ChinaTime.StartOf(last.AddDays(1)));
        var visits = db.Visits.AsNoTracking().VisibleTo(currentUser).Where(v => v.CheckedInAt >= from && v.CheckedInAt < to);
        if (query.RepId is { } repId)
        {
            visits = visits.Where(v => v.OwnerId == repId);
        }

        if (query.TeamId is { } teamId)
        {
            visits = visits.Where(v => v.TeamId == teamId);
        }

        if (query.Outcome is { } outcome)
        {
            visits = visits.Where(v => (v.CheckedOutAt != null) == outcome);
        }

        if (query.Ordered is { } ordered)
        {
            visits = visits.Where(v => v.Ordered == ordered);
        }

        var rows = await visits.OrderBy(v => v.CheckedInAt).ThenBy(v => v.Id).Take(1000).ToListAsync(cancellationToken);
        return rows.Select(VisitReader.Dto).ToList();
    }
}

internal static class VisitReader
{
    /// <summary>What the timeline names as the entry's source.</summary>
    public const string Source = "visits";

    public static VisitRecordDto Dto(VisitRecord v) => new(
        v.Id, v.OwnerId, v.CustomerId, v.CustomerName, v.PlanId, v.Purpose, v.CheckedInAt, Input(v.CheckInLocation), v.CheckedOutAt, Input(v.CheckOutLocation),
        v.Outcome, v.NextStep, v.NextStepDue, v.Cost, v.Ordered, v.DealId, v.DealTitle, v.ComplaintId, v.ComplaintTitle, v.DurationMinutes, v.Version);

    private static LocationInput? Input(VisitLocation? l) => l is null ? null : new LocationInput(l.Latitude, l.Longitude, l.AccuracyMeters);
}

internal static class VisitEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var visits = api.MapGroup("/visits/records").WithTags("Visits");
        visits.MapGet("/", async ([AsParameters] ListVisitsQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Visits_Records")
            .WithSummary("The visits of a day, or of from–to, you may see (a rep: their own; a manager: the team's), in the order they began")
            .ProducesValidationProblem();

        visits.MapPost("/check-in", async (CheckInInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new CheckInCommand(body), cancellationToken)).ToHttp(visit =>
                {
                    response.SetETag(visit.Version);
                    return TypedResults.Created($"/api/v1/visits/records/{visit.Id}", visit);
                }))
            .RejectUnknownQuery()
            .WithName("Visits_CheckIn")
            .WithSummary("Check in at a customer (签到); the browser's location is kept when given, never required")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        visits.MapPost("/{id:guid}/check-out", (Guid id, CheckOutInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new CheckOutCommand(id, expected, body), cancellationToken), visit => visit.Version))
            .RejectUnknownQuery()
            .WithName("Visits_CheckOut")
            .WithSummary("Check out with the outcome, next step and cost; the visit goes on the customer's timeline with its length; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }
}
