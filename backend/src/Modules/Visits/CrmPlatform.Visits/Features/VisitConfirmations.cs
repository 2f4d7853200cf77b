using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Time;
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

/// <summary>How a planned visit's confirmation went, as both the first record and a change carry it.</summary>
public interface IConfirmationOutcome
{
    ConfirmationStatus Status { get; }

    string? Reason { get; }

    DateOnly? RescheduledTo { get; }

    int? LostMinutes { get; }

    decimal? LostCost { get; }
}

/// <param name="Reason">Why the visit was moved, cancelled or missed; required for all but a confirmation.</param>
/// <param name="RescheduledTo">The day the customer moved the visit to; required for a rescheduled visit only.</param>
/// <param name="LostMinutes">Time the rep lost to a cancellation or no-show; a no-show's planned slot when omitted.</param>
/// <param name="LostCost">Money spent for nothing (费用, e.g. the trip), in yuan; a cancellation or no-show only.</param>
public sealed record ConfirmationChangeInput(
    ConfirmationStatus Status,
    [property: MaxLength(ConfirmationLimits.Reason)] string? Reason,
    DateOnly? RescheduledTo,
    int? LostMinutes,
    decimal? LostCost) : IConfirmationOutcome;

/// <summary>The first record of a planned visit's confirmation: which plan and customer, and the outcome.</summary>
public sealed record ConfirmationInput(
    Guid PlanId,
    Guid CustomerId,
    ConfirmationStatus Status,
    [property: MaxLength(ConfirmationLimits.Reason)] string? Reason,
    DateOnly? RescheduledTo,
    int? LostMinutes,
    decimal? LostCost) : IConfirmationOutcome;

/// <param name="Version">Row version: If-Match for a change.</param>
public sealed record ConfirmationDto(
    Guid Id,
    Guid PlanId,
    Guid CustomerId,
    ConfirmationStatus Status,
    string? Reason,
    DateOnly? RescheduledTo,
    int LostMinutes,
    decimal LostCost,
    Guid RecordedBy,
    DateTimeOffset RecordedAt,
    uint Version);

/// <summary>A planned visit on the confirmation list, with its confirmation once one is recorded.</summary>
/// <param name="Confirmation">Null while the visit waits to be confirmed.</param>
public sealed record AppointmentDto(
    Guid PlanId,
    PlanStatus PlanStatus,
    Guid RepId,
    string? RepName,
    DateOnly Day,
    Guid CustomerId,
    string CustomerName,
    TimeOnly? From,
    TimeOnly? To,
    VisitPurpose Purpose,
    string? Notes,
    ConfirmationDto? Confirmation);

/// <summary>What a rep's confirmations came to over a period (约访的损失).</summary>
/// <param name="Planned">Visits on the rep's plans in the period.</param>
/// <param name="LostMinutes">Time lost to cancellations and no-shows.</param>
/// <param name="LostCost">Money lost to them, in yuan.</param>
public sealed record ConfirmationLossDto(
    Guid RepId,
    string? RepName,
    int Planned,
    int Confirmed,
    int Rescheduled,
    int Cancelled,
    int NoShows,
    int LostMinutes,
    decimal LostCost);

/// <summary>The query string of <c>GET /visits/confirmations</c>.</summary>
/// <param name="Day">The visits' day (Asia/Shanghai); tomorrow when omitted.</param>
public sealed record AppointmentsQuery(DateOnly? Day, Guid? RepId) : IQuery<Result<IReadOnlyList<AppointmentDto>>>;

internal sealed class AppointmentsValidator : AbstractValidator<AppointmentsQuery>
{
    public AppointmentsValidator() => RuleFor(q => q.Day).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest).When(q => q.Day is not null);
}

/// <summary>The query string of <c>GET /visits/confirmations/losses</c>.</summary>
/// <param name="From">The first day; the first of this month when omitted.</param>
/// <param name="To">The last day, inclusive; today when omitted. At most 92 days after <paramref name="From"/>.</param>
public sealed record ConfirmationLossesQuery(DateOnly? From, DateOnly? To) : IQuery<Result<IReadOnlyList<ConfirmationLossDto>>>;

public sealed record RecordConfirmationCommand(ConfirmationInput Confirmation) : ICommand<Result<ConfirmationDto>>;

public sealed record ChangeConfirmationCommand(Guid Id, uint ExpectedVersion, ConfirmationChangeInput Outcome) : ICommand<Result<ConfirmationDto>>;

internal sealed class ConfirmationOutcomeValidator : AbstractValidator<IConfirmationOutcome>
{
    public ConfirmationOutcomeValidator()
    {
        RuleFor(o => o.Status).IsInEnum();
        RuleFor(o => o.Reason).NotEmpty().When(o => o.Status != ConfirmationStatus.Confirmed).WithMessage("Say why the visit is not going ahead as planned.");
        RuleFor(o => o.Reason).MaximumLength(ConfirmationLimits.Reason);
        RuleFor(o => o.RescheduledTo).NotNull().When(o => o.Status == ConfirmationStatus.Rescheduled).WithMessage("A rescheduled visit names its new day.");
        RuleFor(o => o.RescheduledTo).Null().When(o => o.Status != ConfirmationStatus.Rescheduled).WithMessage("Only a rescheduled visit has a new day.");
        RuleFor(o => o.RescheduledTo).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest).When(o => o.RescheduledTo is not null);
        RuleFor(o => o.LostMinutes).InclusiveBetween(0, ConfirmationLimits.MaxLostMinutes).When(o => o.LostMinutes is not null);
        RuleFor(o => o.LostCost).InclusiveBetween(0, VisitLimits.MaxCost).PrecisionScale(8, 2, ignoreTrailingZeros: true).When(o => o.LostCost is not null);
        RuleFor(o => o.LostMinutes).Null().When(o => o.Status is ConfirmationStatus.Confirmed or ConfirmationStatus.Rescheduled)
            .WithMessage("Only a cancellation or a no-show loses time.");
        RuleFor(o => o.LostCost).Null().When(o => o.Status is ConfirmationStatus.Confirmed or ConfirmationStatus.Rescheduled)
            .WithMessage("Only a cancellation or a no-show loses money.");
    }
}

internal sealed class RecordConfirmationValidator : AbstractValidator<RecordConfirmationCommand>
{
    public RecordConfirmationValidator()
    {
        RuleFor(c => c.Confirmation).ChildRules(input =>
        {
            input.RuleFor(i => i.PlanId).NotEmpty();
            input.RuleFor(i => i.CustomerId).NotEmpty();
        }).AtBodyRoot();
        RuleFor(c => c.Confirmation).SetValidator(new ConfirmationOutcomeValidator()).AtBodyRoot();
    }
}

internal sealed class ChangeConfirmationValidator : AbstractValidator<ChangeConfirmationCommand>
{
    public ChangeConfirmationValidator() => RuleFor(c => c.Outcome).SetValidator(new ConfirmationOutcomeValidator()).AtBodyRoot();
}

internal sealed class ConfirmationLossesValidator : AbstractValidator<ConfirmationLossesQuery>
{
    public ConfirmationLossesValidator()
    {
        RuleFor(q => q.From).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest).When(q => q.From is not null);
        RuleFor(q => q.To).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest).When(q => q.To is not null);
    }
}

/// <summary>
/// Records a planned visit's confirmation: the rep whose visit it is, or whoever signs off their plans (their manager, a
/// director), since confirming appointments is often someone's job (约访专员).
/// </summary>
internal sealed class Confirmations(VisitsDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    public Error? MayRecord(VisitPlan plan) => currentUser.MayWrite(plan) is not null && currentUser.MayReview(plan) is not null
        ? Error.Forbidden("confirmation.not_yours", "A visit is confirmed by its rep or by whoever signs off the rep's plans.")
        : null;

    public async Task<Result<ConfirmationDto>> RecordAsync(VisitConfirmation? confirmation, VisitPlan plan, Guid customerId, IConfirmationOutcome input, CancellationToken cancellationToken)
    {
        if (MayRecord(plan) is { } forbidden)
        {
            return forbidden;
        }

        var visit = plan.Visits.FirstOrDefault(v => v.CustomerId == customerId);
        if (visit is null)
        {
            return Error.Unprocessable("confirmation.not_planned", "customerId", "The customer is not on this plan.");
        }

        var now = clock.GetDatabaseUtcNow();
        confirmation ??= db.Confirmations.Add(VisitConfirmation.For(plan, customerId, now)).Entity;
        var outcome = new ConfirmationOutcome(input.Status, input.Reason?.Trim(), input.RescheduledTo, input.LostMinutes, input.LostCost);
        if (confirmation.Record(outcome, visit, ChinaTime.DayOf(now), currentUser.Id, now) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Dto(confirmation);
    }

    public static ConfirmationDto Dto(VisitConfirmation c) =>
        new(c.Id, c.PlanId, c.CustomerId, c.Status, c.Reason, c.RescheduledTo, c.LostMinutes, c.LostCost, c.RecordedBy, c.RecordedAt, c.Version);
}

internal sealed class RecordConfirmationHandler(VisitsDbContext db, PlanAccess access, Confirmations confirmations)
    : ICommandHandler<RecordConfirmationCommand, Result<ConfirmationDto>>
{
    public async ValueTask<Result<ConfirmationDto>> Handle(RecordConfirmationCommand command, CancellationToken cancellationToken)
    {
        var input = command.Confirmation;
        var plan = await access.Visible().AsNoTracking().SingleOrDefaultAsync(p => p.Id == input.PlanId, cancellationToken);
        if (plan is null)
        {
            return Error.Unprocessable("confirmation.plan_unknown", "planId", "No plan you can see has this id.");
        }

        if (await db.Confirmations.AnyAsync(c => c.PlanId == plan.Id && c.CustomerId == input.CustomerId, cancellationToken))
        {
            return Error.Conflict("confirmation.exists", "The visit's confirmation is already recorded: change it instead.");
        }

        try
        {
            return await confirmations.RecordAsync(null, plan, input.CustomerId, input, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return Error.Conflict("confirmation.exists", "The visit's confirmation was recorded meanwhile: change it instead.");
        }
    }
}

internal sealed class ChangeConfirmationHandler(VisitsDbContext db, PlanAccess access, Confirmations confirmations, ICurrentUser currentUser)
    : ICommandHandler<ChangeConfirmationCommand, Result<ConfirmationDto>>
{
    public async ValueTask<Result<ConfirmationDto>> Handle(ChangeConfirmationCommand command, CancellationToken cancellationToken)
    {
        var confirmation = await db.Confirmations.VisibleTo(currentUser).SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken);
        if (confirmation is null)
        {
            return Error.NotFound("confirmation", command.Id);
        }

        var plan = await access.Visible().AsNoTracking().SingleOrDefaultAsync(p => p.Id == confirmation.PlanId, cancellationToken);
        if (plan is null)
        {
            return Error.NotFound("confirmation", command.Id);
        }

        if (confirmations.MayRecord(plan) is { } forbidden)
        {
            return forbidden;
        }

        return confirmation.Version != command.ExpectedVersion
            ? Error.StaleVersion
            : await confirmations.RecordAsync(confirmation, plan, confirmation.CustomerId, command.Outcome, cancellationToken);
    }
}

/// <summary>The confirmation list (约访): every visit planned for the day, each with its confirmation when recorded.</summary>
internal sealed class AppointmentsHandler(VisitsDbContext db, PlanAccess access, IUserDirectory users, TimeProvider clock)
    : IQueryHandler<AppointmentsQuery, Result<IReadOnlyList<AppointmentDto>>>
{
    public async ValueTask<Result<IReadOnlyList<AppointmentDto>>> Handle(AppointmentsQuery query, CancellationToken cancellationToken)
    {
        var day = query.Day ?? ChinaTime.Today(clock).AddDays(1);
        var plans = access.Visible().AsNoTracking().Where(p => p.Day == day);
        if (query.RepId is { } repId)
        {
            plans = plans.Where(p => p.OwnerId == repId);
        }

        var rows = await plans.OrderBy(p => p.OwnerId).Take(500).ToListAsync(cancellationToken);
        var planIds = rows.Select(p => p.Id).ToList();
        var confirmations = await db.Confirmations.AsNoTracking().Where(c => planIds.Contains(c.PlanId))
            .ToDictionaryAsync(c => (c.PlanId, c.CustomerId), cancellationToken);
        var names = await users.DisplayNamesAsync([.. rows.Select(p => p.OwnerId).Distinct()], cancellationToken);
        return rows
            .SelectMany(p => p.Visits, (p, v) => new AppointmentDto(
                p.Id, p.Status, p.OwnerId, names.GetValueOrDefault(p.OwnerId), p.Day, v.CustomerId, v.CustomerName, v.From, v.To, v.Purpose, v.Notes,
                confirmations.TryGetValue((p.Id, v.CustomerId), out var c) ? Confirmations.Dto(c) : null))
            .OrderBy(a => a.RepName, StringComparer.Ordinal).ThenBy(a => a.RepId).ThenBy(a => a.From ?? TimeOnly.MaxValue)
            .ToList();
    }
}

/// <summary>Per rep over a period (its span checked here, once the defaults are filled in): visits planned, how their confirmations went, and what cancellations and no-shows cost.</summary>
internal sealed class ConfirmationLossesHandler(VisitsDbContext db, PlanAccess access, IUserDirectory users, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ConfirmationLossesQuery, Result<IReadOnlyList<ConfirmationLossDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ConfirmationLossDto>>> Handle(ConfirmationLossesQuery query, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var (from, to) = (query.From ?? new DateOnly(today.Year, today.Month, 1), query.To ?? today);
        if (to < from || to.DayNumber - from.DayNumber > 92)
        {
            return Error.Validation("to", "The period ends on or after its first day and spans at most 92 days.");
        }

        var planned = await access.Visible().Where(p => p.Day >= from && p.Day <= to)
            .GroupBy(p => p.OwnerId)
            .Select(g => new { g.Key, Count = g.Sum(p => p.VisitCount) })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var outcomes = await db.Confirmations.AsNoTracking().VisibleTo(currentUser).Where(c => c.Day >= from && c.Day <= to)
            .GroupBy(c => new { c.OwnerId, c.Status })
            .Select(g => new { g.Key.OwnerId, g.Key.Status, Count = g.Count(), Minutes = g.Sum(c => c.LostMinutes), Cost = g.Sum(c => c.LostCost) })
            .ToListAsync(cancellationToken);
        var reps = planned.Keys.Union(outcomes.Select(o => o.OwnerId)).ToList();
        var names = await users.DisplayNamesAsync(reps, cancellationToken);
        return reps
            .Select(rep =>
            {
                var mine = outcomes.Where(o => o.OwnerId == rep).ToList();
                int Count(ConfirmationStatus status) => mine.Where(o => o.Status == status).Sum(o => o.Count);
                return new ConfirmationLossDto(
                    rep, names.GetValueOrDefault(rep), planned.GetValueOrDefault(rep), Count(ConfirmationStatus.Confirmed), Count(ConfirmationStatus.Rescheduled),
                    Count(ConfirmationStatus.Cancelled), Count(ConfirmationStatus.NoShow), mine.Sum(o => o.Minutes), mine.Sum(o => o.Cost));
            })
            .OrderByDescending(r => r.LostCost).ThenByDescending(r => r.LostMinutes).ThenBy(r => r.RepName, StringComparer.Ordinal)
            .ToList();
    }
}

internal static class ConfirmationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var confirmations = api.MapGroup("/visits/confirmations").WithTags("Visits");
        confirmations.MapGet("/", async ([AsParameters] AppointmentsQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Visits_Appointments")
            .WithSummary("The confirmation list (约访): the visits planned for a day (tomorrow by default) you may see, each with its confirmation")
            .ProducesValidationProblem();

        confirmations.MapGet("/losses", async ([AsParameters] ConfirmationLossesQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Visits_ConfirmationLosses")
            .WithSummary("Per rep over a period: planned visits, confirmed, rescheduled, cancelled and no-shows, and the time and money the lost ones cost")
            .ProducesValidationProblem();

        confirmations.MapPost("/", async (ConfirmationInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new RecordConfirmationCommand(body), cancellationToken)).ToHttp(confirmation =>
                {
                    response.SetETag(confirmation.Version);
                    return TypedResults.Created($"/api/v1/visits/confirmations/{confirmation.Id}", confirmation);
                }))
            .RejectUnknownQuery()
            .WithName("Visits_RecordConfirmation")
            .WithSummary("Record how a planned visit's confirmation went: confirmed, rescheduled, cancelled or a no-show, with the reason")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        confirmations.MapPut("/{id:guid}", (Guid id, ConfirmationChangeInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new ChangeConfirmationCommand(id, expected, body), cancellationToken), confirmation => confirmation.Version))
            .RejectUnknownQuery()
            .WithName("Visits_ChangeConfirmation")
            .WithSummary("Change a recorded confirmation (a confirmed visit the customer then cancels); requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }
}
