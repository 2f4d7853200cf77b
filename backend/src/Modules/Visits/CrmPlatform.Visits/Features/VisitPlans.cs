using CrmPlatform.BuildingBlocks.Text;
using CrmPlatform.BuildingBlocks.Time;
using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
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

/// <param name="Area">The area or route (区域) the visit is in.</param>
/// <param name="From">The time slot's start (Asia/Shanghai), when planned to the hour.</param>
public sealed record PlannedVisitInput(
    Guid CustomerId,
    [property: MaxLength(PlanLimits.Area)] string? Area,
    TimeOnly? From,
    TimeOnly? To,
    VisitPurpose Purpose,
    [property: MaxLength(PlanLimits.Notes)] string? Notes);

/// <summary>A day's plan as the rep writes it: the whole list of visits.</summary>
public sealed record VisitPlanInput(DateOnly Day, [property: MaxLength(PlanLimits.MaxVisits)] IReadOnlyList<PlannedVisitInput> Visits);

public sealed record ReturnPlanInput([property: MaxLength(PlanLimits.Comment)] string Comment);

public sealed record PlannedVisitDto(Guid CustomerId, string CustomerName, string? Area, TimeOnly? From, TimeOnly? To, VisitPurpose Purpose, string? Notes);

/// <param name="AmendedAt">When the approved plan was last changed, until the manager acknowledges it.</param>
/// <param name="Version">Row version: If-Match for every change.</param>
public sealed record VisitPlanDto(
    Guid Id,
    Guid RepId,
    string? RepName,
    Guid? TeamId,
    DateOnly Day,
    PlanStatus Status,
    IReadOnlyList<PlannedVisitDto> Visits,
    string? ReturnComment,
    DateTimeOffset? SubmittedAt,
    Guid? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    DateTimeOffset? AmendedAt,
    uint Version);

/// <summary>The query string of <c>GET /visits/plans</c>.</summary>
/// <param name="Status">Submitted: the plans waiting for sign-off (the manager's inbox), oldest first.</param>
/// <param name="From">With <paramref name="To"/>: plans of these days, at most 31.</param>
/// <param name="Amended">True: approved plans changed since, waiting for the manager's acknowledgement.</param>
public sealed record ListPlansQuery(DateOnly? Day, DateOnly? From, DateOnly? To, Guid? RepId, Guid? TeamId, QueryEnum<PlanStatus>? Status, bool? Amended) : IQuery<Result<IReadOnlyList<VisitPlanDto>>>;

public sealed record GetPlanQuery(Guid Id) : IQuery<Result<VisitPlanDto>>;

/// <summary>The query string of <c>GET /visits/plans/suggestions</c>.</summary>
/// <param name="Day">The day being planned; today when omitted.</param>
public sealed record PlanSuggestionsQuery(DateOnly? Day) : IQuery<Result<PlanSuggestionsDto>>;

/// <summary>A customer of yours overdue for a visit by its cadence on the day being planned.</summary>
public sealed record SuggestedVisitDto(Guid CustomerId, string CustomerName, DateOnly VisitDue);

/// <param name="Total">All your customers overdue for a visit; <paramref name="Customers"/> lists the longest overdue.</param>
public sealed record PlanSuggestionsDto(int Total, IReadOnlyList<SuggestedVisitDto> Customers);

public sealed record CreatePlanCommand(VisitPlanInput Plan) : ICommand<Result<VisitPlanDto>>;

public sealed record RewritePlanCommand(Guid Id, uint ExpectedVersion, VisitPlanInput Plan) : ICommand<Result<VisitPlanDto>>;

/// <summary>A step of the sign-off: submit (the rep), approve, return with a comment, or acknowledge an amendment (the manager).</summary>
public enum PlanStep
{
    Submit,
    Approve,
    Return,
    Acknowledge,
}

public sealed record PlanStepCommand(Guid Id, uint ExpectedVersion, PlanStep Step, string? Comment) : ICommand<Result<VisitPlanDto>>;

internal sealed class VisitPlanInputValidator : AbstractValidator<VisitPlanInput>
{
    public VisitPlanInputValidator()
    {
        RuleFor(p => p.Visits).NotNull().Must(v => v.Count <= PlanLimits.MaxVisits).WithMessage($"A day has at most {PlanLimits.MaxVisits} planned visits.");
        RuleForEach(p => p.Visits).NotNull().ChildRules(visit =>
        {
            visit.RuleFor(v => v.CustomerId).NotEmpty();
            visit.RuleFor(v => v.Purpose).IsInEnum();
            visit.RuleFor(v => v.Area).MaximumLength(PlanLimits.Area);
            visit.RuleFor(v => v.Notes).MaximumLength(PlanLimits.Notes);
            visit.RuleFor(v => v.To).GreaterThan(v => v.From).When(v => v.From is not null && v.To is not null).WithMessage("A time slot ends after it starts.");
        });
        // A visit is known by its customer on the day (its confirmation, its record): one visit per customer a day.
        RuleFor(p => p.Visits).Custom((visits, context) =>
        {
            for (var i = 0; i < visits.Count; i++)
            {
                if (visits[i] is { } visit && visits.Take(i).Any(v => v?.CustomerId == visit.CustomerId))
                {
                    context.AddFailure($"visits[{i}].customerId", "The customer is already on this day's plan: one visit per customer a day.");
                }
            }
        }).When(p => p.Visits is not null);
    }
}

internal sealed class CreatePlanValidator : AbstractValidator<CreatePlanCommand>
{
    public CreatePlanValidator() => RuleFor(c => c.Plan).SetValidator(new VisitPlanInputValidator()).AtBodyRoot();
}

internal sealed class RewritePlanValidator : AbstractValidator<RewritePlanCommand>
{
    public RewritePlanValidator() => RuleFor(c => c.Plan).SetValidator(new VisitPlanInputValidator()).AtBodyRoot();
}

internal sealed class ListPlansValidator : AbstractValidator<ListPlansQuery>
{
    public ListPlansValidator() => DayRange.Rules(this, q => q.Day, q => q.From, q => q.To);
}

internal sealed class PlanSuggestionsValidator : AbstractValidator<PlanSuggestionsQuery>
{
    public PlanSuggestionsValidator() => RuleFor(q => q.Day).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest).When(q => q.Day is not null);
}

internal sealed class PlanStepValidator : AbstractValidator<PlanStepCommand>
{
    public PlanStepValidator()
    {
        RuleFor(c => c.Comment).NotEmpty().When(c => c.Step == PlanStep.Return).WithMessage("Say what to change: a returned plan carries the manager's comment.");
        RuleFor(c => c.Comment).MaximumLength(PlanLimits.Comment);
    }
}

/// <summary>
/// Which plans the caller sees: a rep their own, a manager the team's, directors all (record scope). Who writes and who
/// signs off a plan is <see cref="SignOff"/>.
/// </summary>
internal sealed class PlanAccess(VisitsDbContext db, ICurrentUser currentUser)
{
    public IQueryable<VisitPlan> Visible() => db.Plans.VisibleTo(currentUser);
}

/// <summary>The plan's visits from the body, each customer one the rep can see (its name kept with the plan).</summary>
internal sealed class PlanVisits(ICustomerDirectory customers)
{
    public async Task<Result<IReadOnlyList<PlannedVisit>>> ReadAsync(VisitPlanInput input, CancellationToken cancellationToken)
    {
        var found = await customers.FindVisibleAsync([.. input.Visits.Select(v => v.CustomerId)], cancellationToken);
        for (var i = 0; i < input.Visits.Count; i++)
        {
            if (!found.ContainsKey(input.Visits[i].CustomerId))
            {
                return Error.Unprocessable("plan.customer_unknown", $"visits[{i}].customerId", "No customer with this id exists that you can see.");
            }
        }

        return input.Visits
            .Select(v => new PlannedVisit(v.CustomerId, found[v.CustomerId].Name, OptionalText.Normalize(v.Area), v.From, v.To, v.Purpose, OptionalText.Normalize(v.Notes)))
            .ToList();
    }
}

internal sealed class PlanReader(IUserDirectory users)
{
    public async Task<IReadOnlyList<VisitPlanDto>> ReadAsync(IReadOnlyList<VisitPlan> plans, CancellationToken cancellationToken)
    {
        var names = await users.DisplayNamesAsync([.. plans.Select(p => p.OwnerId).Distinct()], cancellationToken);
        return
        [
            .. plans.Select(p => new VisitPlanDto(
                p.Id, p.OwnerId, names.GetValueOrDefault(p.OwnerId), p.TeamId, p.Day, p.Status,
                [.. p.Visits.Select(v => new PlannedVisitDto(v.CustomerId, v.CustomerName, v.Area, v.From, v.To, v.Purpose, v.Notes))],
                p.ReturnComment, p.SubmittedAt, p.ReviewedBy, p.ReviewedAt, p.AmendedAt, p.Version)),
        ];
    }

    public async Task<VisitPlanDto> ReadAsync(VisitPlan plan, CancellationToken cancellationToken) => (await ReadAsync([plan], cancellationToken))[0];
}

internal sealed class CreatePlanHandler(VisitsDbContext db, PlanVisits visits, PlanReader reader, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreatePlanCommand, Result<VisitPlanDto>>
{
    public async ValueTask<Result<VisitPlanDto>> Handle(CreatePlanCommand command, CancellationToken cancellationToken)
    {
        var input = command.Plan;
        if (await db.Plans.AnyAsync(p => p.OwnerId == currentUser.Id && p.Day == input.Day, cancellationToken))
        {
            return Error.Conflict("plan.exists", "You already have a plan for this day: change it instead.");
        }

        var planned = await visits.ReadAsync(input, cancellationToken);
        if (!planned.IsSuccess)
        {
            return planned.Error;
        }

        var plan = VisitPlan.Draft(currentUser.Id, currentUser.TeamId, input.Day, planned.Value, clock.GetDatabaseUtcNow());
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return await reader.ReadAsync(plan, cancellationToken);
    }
}

internal sealed class RewritePlanHandler(PlanAccess access, PlanVisits visits, PlanReader reader, VisitsDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RewritePlanCommand, Result<VisitPlanDto>>
{
    public async ValueTask<Result<VisitPlanDto>> Handle(RewritePlanCommand command, CancellationToken cancellationToken)
    {
        var plan = await access.Visible().SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken);
        if (plan is null)
        {
            return Error.NotFound("plan", command.Id);
        }

        if (currentUser.MayWrite(plan) is { } forbidden)
        {
            return forbidden;
        }

        if (plan.Version != command.ExpectedVersion)
        {
            return Error.StaleVersion;
        }

        if (command.Plan.Day != plan.Day)
        {
            return Error.Validation("day", "A plan stays on its day: plan another day separately.");
        }

        var planned = await visits.ReadAsync(command.Plan, cancellationToken);
        if (!planned.IsSuccess)
        {
            return planned.Error;
        }

        if (plan.Rewrite(planned.Value, clock.GetDatabaseUtcNow()) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await reader.ReadAsync(plan, cancellationToken);
    }
}

internal sealed class PlanStepHandler(PlanAccess access, PlanReader reader, VisitsDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<PlanStepCommand, Result<VisitPlanDto>>
{
    public async ValueTask<Result<VisitPlanDto>> Handle(PlanStepCommand command, CancellationToken cancellationToken)
    {
        var plan = await access.Visible().SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken);
        if (plan is null)
        {
            return Error.NotFound("plan", command.Id);
        }

        if ((command.Step == PlanStep.Submit ? currentUser.MayWrite(plan) : currentUser.MayReview(plan)) is { } forbidden)
        {
            return forbidden;
        }

        if (plan.Version != command.ExpectedVersion)
        {
            return Error.StaleVersion;
        }

        var now = clock.GetDatabaseUtcNow();
        var problem = command.Step switch
        {
            PlanStep.Submit => plan.Submit(now),
            PlanStep.Approve => plan.Approve(currentUser.Id, now),
            PlanStep.Return => plan.Return(command.Comment!, currentUser.Id, now),
            _ => plan.Acknowledge(currentUser.Id, now),
        };
        if (problem is not null)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await reader.ReadAsync(plan, cancellationToken);
    }
}

internal sealed class GetPlanHandler(PlanAccess access, PlanReader reader) : IQueryHandler<GetPlanQuery, Result<VisitPlanDto>>
{
    public async ValueTask<Result<VisitPlanDto>> Handle(GetPlanQuery query, CancellationToken cancellationToken) =>
        await access.Visible().AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.Id, cancellationToken) is { } plan
            ? await reader.ReadAsync(plan, cancellationToken)
            : Error.NotFound("plan", query.Id);
}

/// <summary>Plans the caller may see; with status=submitted the manager's inbox, oldest submission first.</summary>
internal sealed class ListPlansHandler(PlanAccess access, PlanReader reader) : IQueryHandler<ListPlansQuery, Result<IReadOnlyList<VisitPlanDto>>>
{
    private const int MaxRows = 200;

    public async ValueTask<Result<IReadOnlyList<VisitPlanDto>>> Handle(ListPlansQuery query, CancellationToken cancellationToken)
    {
        var plans = access.Visible().AsNoTracking();
        if (DayRange.Of(query.Day, query.From, query.To) is { } days)
        {
            plans = plans.Where(p => p.Day >= days.From && p.Day <= days.To);
        }

        if (query.TeamId is { } teamId)
        {
            plans = plans.Where(p => p.TeamId == teamId);
        }

        if (query.RepId is { } repId)
        {
            plans = plans.Where(p => p.OwnerId == repId);
        }

        if (query.Status?.Value is { } status)
        {
            plans = plans.Where(p => p.Status == status);
        }

        if (query.Amended is { } amended)
        {
            plans = plans.Where(p => (p.AmendedAt != null) == amended);
        }

        var rows = await plans.OrderBy(p => p.SubmittedAt).ThenBy(p => p.Day).ThenBy(p => p.Id).Take(MaxRows).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<VisitPlanDto>>.Success(await reader.ReadAsync(rows, cancellationToken));
    }
}

/// <summary>What to put on a day's plan: the caller's customers whose visit cadence has run out by then, longest overdue first.</summary>
internal sealed class PlanSuggestionsHandler(ICustomerCadence cadence, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<PlanSuggestionsQuery, Result<PlanSuggestionsDto>>
{
    private const int Limit = 30;

    public async ValueTask<Result<PlanSuggestionsDto>> Handle(PlanSuggestionsQuery query, CancellationToken cancellationToken)
    {
        var overdue = await cadence.OverdueForVisitAsync([currentUser.Id], query.Day ?? ChinaTime.Today(clock), Limit, cancellationToken);
        return new PlanSuggestionsDto(overdue.Total, [.. overdue.Customers.Select(c => new SuggestedVisitDto(c.Id, c.Name, c.VisitDue))]);
    }
}

internal static class PlanEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var plans = api.MapGroup("/visits/plans").WithTags("Visits");
        plans.MapGet("/", async ([AsParameters] ListPlansQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Visits_Plans")
            .WithSummary("Daily visit plans you may see (a rep: their own; a manager: the team's); status=submitted is the manager's inbox, oldest first")
            .ProducesValidationProblem();

        plans.MapGet("/suggestions", async ([AsParameters] PlanSuggestionsQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Visits_PlanSuggestions")
            .WithSummary("Your customers overdue for a visit by their cadence on the day being planned, longest overdue first: what to plan")
            .ProducesValidationProblem();

        plans.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new GetPlanQuery(id), cancellationToken)).ToHttp(plan =>
                {
                    response.SetETag(plan.Version);
                    return TypedResults.Ok(plan);
                }))
            .WithName("Visits_Plan")
            .WithSummary("A daily visit plan; the ETag is its version")
            .ProducesProblem(StatusCodes.Status404NotFound);

        plans.MapPost("/", async (VisitPlanInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new CreatePlanCommand(body), cancellationToken)).ToHttp(plan =>
                {
                    response.SetETag(plan.Version);
                    return TypedResults.Created($"/api/v1/visits/plans/{plan.Id}", plan);
                }))
            .RejectUnknownQuery()
            .WithName("Visits_CreatePlan")
            .WithSummary("Plan your visits for a day (每日拜访计划表): a draft, one per day")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        plans.MapPut("/{id:guid}", (Guid id, VisitPlanInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new RewritePlanCommand(id, expected, body), cancellationToken), plan => plan.Version))
            .WithName("Visits_RewritePlan")
            .WithSummary("Rewrite your plan's visits: a draft or a returned plan freely, an approved one as an amendment your manager sees; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        MapStep(plans, "submit", PlanStep.Submit, "Visits_SubmitPlan", "Submit your plan for sign-off; requires If-Match");
        MapStep(plans, "approve", PlanStep.Approve, "Visits_ApprovePlan", "Sign off a submitted plan (the rep's manager or a director); requires If-Match");
        MapStep(plans, "acknowledge", PlanStep.Acknowledge, "Visits_AcknowledgePlan", "Acknowledge an amendment to an approved plan; requires If-Match");
        plans.MapPost("/{id:guid}/return", (Guid id, ReturnPlanInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new PlanStepCommand(id, expected, PlanStep.Return, body.Comment), cancellationToken), plan => plan.Version))
            .RejectUnknownQuery()
            .WithName("Visits_ReturnPlan")
            .WithSummary("Return a submitted plan to its rep with a comment (退回); requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static void MapStep(RouteGroupBuilder plans, string path, PlanStep step, string name, string summary) =>
        plans.MapPost($"/{{id:guid}}/{path}", (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new PlanStepCommand(id, expected, step, null), cancellationToken), plan => plan.Version))
            .RejectUnknownQuery()
            .WithName(name)
            .WithSummary(summary)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
