using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Complaints.Persistence;
using CrmPlatform.Identity.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Complaints.Features;

/// <param name="Via">How the customer was told.</param>
/// <param name="PromisedAt">承诺时间; by default the SLA's for the complaint's severity and customer (Crm:Complaints:Sla), set at intake.</param>
public sealed record AcknowledgeInput(ComplaintChannel Via, DateTimeOffset? PromisedAt);

/// <param name="Cost">What the remedy costs us, in yuan (a refund, a gift, a repair).</param>
public sealed record ResolutionInput(ResolutionKind Kind, [property: MaxLength(ComplaintLimits.Note)] string Description, decimal? Cost);

/// <param name="Note">What the customer said when confirming they are satisfied.</param>
public sealed record CloseInput([property: MaxLength(ComplaintLimits.Note)] string? Note);

/// <param name="Reason">Why it is reopened: the customer is not satisfied, or the problem came back.</param>
/// <param name="PromisedAt">The new promise; by default the SLA's time from now for the complaint's severity and customer.</param>
public sealed record ReopenInput([property: MaxLength(ComplaintLimits.Note)] string Reason, DateTimeOffset? PromisedAt = null);

public sealed record AssignInput(Guid OwnerId);

/// <param name="CauseKey">A category of <c>GET /complaints/causes</c> that is still in use.</param>
public sealed record CauseInput([property: MaxLength(ComplaintLimits.CauseKey)] string CauseKey, [property: MaxLength(ComplaintLimits.Note)] string? Note);

/// <param name="OwnerId">Who sees the action done: any user.</param>
public sealed record PreventionInput([property: MaxLength(ComplaintLimits.Note)] string Action, Guid OwnerId, DateOnly DueOn);

/// <param name="Note">What the customer was told.</param>
public sealed record CustomerUpdateInput(ComplaintChannel Channel, [property: MaxLength(ComplaintLimits.Note)] string Note);

/// <param name="AnswerId">A standard answer in use (<c>GET /complaints/answers</c>) that was given to the customer.</param>
public sealed record AnswerUseInput(Guid AnswerId);

/// <summary>A step of the complaint procedure; the body is the step's own input, null for investigate and resolve.</summary>
public sealed record ComplaintStepCommand(Guid Id, uint ExpectedVersion, ComplaintStepKind Step, object? Input) : ICommand<Result<ComplaintDto>>;

internal sealed class AcknowledgeInputValidator : AbstractValidator<AcknowledgeInput>
{
    public AcknowledgeInputValidator() => RuleFor(a => a.Via).IsInEnum();
}

internal sealed class ResolutionInputValidator : AbstractValidator<ResolutionInput>
{
    public ResolutionInputValidator()
    {
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Description).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(ComplaintLimits.Note).Must(d => d.Trim().Length > 0).WithMessage("Describe the remedy.");
        RuleFor(r => r.Cost).InclusiveBetween(0, ComplaintLimits.MaxCost).PrecisionScale(11, 2, ignoreTrailingZeros: true).When(r => r.Cost is not null);
    }
}

internal sealed class CloseInputValidator : AbstractValidator<CloseInput>
{
    public CloseInputValidator() => RuleFor(c => c.Note).MaximumLength(ComplaintLimits.Note);
}

internal sealed class ReopenInputValidator : AbstractValidator<ReopenInput>
{
    public ReopenInputValidator() => RuleFor(r => r.Reason).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(ComplaintLimits.Note).Must(r => r.Trim().Length > 0).WithMessage("Say why it is reopened.");
}

internal sealed class AssignInputValidator : AbstractValidator<AssignInput>
{
    public AssignInputValidator() => RuleFor(a => a.OwnerId).NotEmpty();
}

internal sealed class CauseInputValidator : AbstractValidator<CauseInput>
{
    public CauseInputValidator()
    {
        RuleFor(c => c.CauseKey).NotEmpty().MaximumLength(ComplaintLimits.CauseKey);
        RuleFor(c => c.Note).MaximumLength(ComplaintLimits.Note);
    }
}

internal sealed class PreventionInputValidator : AbstractValidator<PreventionInput>
{
    public PreventionInputValidator()
    {
        RuleFor(p => p.Action).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(ComplaintLimits.Note).Must(a => a.Trim().Length > 0).WithMessage("Say what is to be done.");
        RuleFor(p => p.OwnerId).NotEmpty();
        RuleFor(p => p.DueOn).InclusiveBetween(CalendarLimits.Earliest, CalendarLimits.Latest);
    }
}

internal sealed class CustomerUpdateInputValidator : AbstractValidator<CustomerUpdateInput>
{
    public CustomerUpdateInputValidator()
    {
        RuleFor(u => u.Channel).IsInEnum();
        RuleFor(u => u.Note).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(ComplaintLimits.Note).Must(n => n.Trim().Length > 0).WithMessage("Say what the customer was told.");
    }
}

internal sealed class AnswerUseInputValidator : AbstractValidator<AnswerUseInput>
{
    public AnswerUseInputValidator() => RuleFor(a => a.AnswerId).NotEmpty();
}

internal sealed class ComplaintStepValidator : AbstractValidator<ComplaintStepCommand>
{
    public ComplaintStepValidator() => RuleFor(c => c.Input).SetInheritanceValidator(input =>
    {
        input.Add(new AcknowledgeInputValidator());
        input.Add(new ResolutionInputValidator());
        input.Add(new CloseInputValidator());
        input.Add(new ReopenInputValidator());
        input.Add(new AssignInputValidator());
        input.Add(new CauseInputValidator());
        input.Add(new PreventionInputValidator());
        input.Add(new CustomerUpdateInputValidator());
        input.Add(new AnswerUseInputValidator());
    }).AtBodyRoot();
}

/// <summary>
/// Moves a complaint one step: anyone who may see it takes a step its status allows (else 422), at the version they last
/// read (else 412). A new owner must fit the customer (<see cref="ComplaintOwners"/>).
/// </summary>
internal sealed class ComplaintStepHandler(
    ComplaintsDbContext db, ComplaintViews views, ComplaintOwners owners, SlaClock sla, IUserDirectory users, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ComplaintStepCommand, Result<ComplaintDto>>
{
    public async ValueTask<Result<ComplaintDto>> Handle(ComplaintStepCommand command, CancellationToken cancellationToken)
    {
        var found = await views.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (complaint, by, now) = (found.Value, currentUser.Id, clock.GetDatabaseUtcNow());
        var problem = (command.Step, command.Input) switch
        {
            (ComplaintStepKind.Acknowledged, AcknowledgeInput a) => complaint.Acknowledge(a.Via, a.PromisedAt?.ToUniversalTime(), by, now),
            (ComplaintStepKind.Investigating, _) => complaint.Investigate(by, now),
            (ComplaintStepKind.ResolutionProposed, ResolutionInput r) => complaint.Propose(new Resolution(r.Kind, r.Description, r.Cost ?? 0), by, now),
            (ComplaintStepKind.Resolved, _) => complaint.Resolve(by, now),
            (ComplaintStepKind.Closed, CloseInput c) => complaint.Close(c.Note, by, now),
            (ComplaintStepKind.Reopened, ReopenInput r) =>
                complaint.Reopen(r.Reason, r.PromisedAt?.ToUniversalTime() ?? sla.DueAt(now, complaint.Severity, complaint.KeyCustomer), by, now),
            (ComplaintStepKind.Reassigned, AssignInput a) => await owners.CheckAsync(a.OwnerId, complaint.Customer, cancellationToken) ?? complaint.AssignTo(a.OwnerId, by, now),
            (ComplaintStepKind.CauseFound, CauseInput c) => await db.Causes.AnyAsync(x => x.Key == c.CauseKey && x.Active, cancellationToken)
                ? complaint.RecordCause(c.CauseKey, c.Note, by, now)
                : Error.Unprocessable("complaint.cause_unknown", "causeKey", $"'{c.CauseKey}' is not a cause in use: see GET /complaints/causes."),
            (ComplaintStepKind.PreventionPlanned, PreventionInput p) => await users.FindAsync(p.OwnerId, cancellationToken) is null
                ? Error.Unprocessable("complaint.owner_unknown", "ownerId", "No user has this id.")
                : complaint.PlanPrevention(p.Action, p.OwnerId, p.DueOn, by, now),
            (ComplaintStepKind.PreventionDone, _) => complaint.CompletePrevention(by, now),
            (ComplaintStepKind.CustomerUpdated, CustomerUpdateInput u) => complaint.UpdateCustomer(u.Channel, u.Note, by, now),
            (ComplaintStepKind.AnswerUsed, AnswerUseInput a) => await db.Answers.SingleOrDefaultAsync(x => x.Id == a.AnswerId, cancellationToken) is { } answer
                ? complaint.UseAnswer(answer, await db.Steps.AnyAsync(s => s.ComplaintId == complaint.Id && s.AnswerId == answer.Id, cancellationToken), by, now)
                : Error.Unprocessable("standard_answer.unknown", "answerId", "No standard answer has this id: see GET /complaints/answers."),
            _ => throw new InvalidOperationException($"No endpoint sends step {command.Step} with {command.Input?.GetType().Name ?? "no body"}."),
        };
        if (problem is not null)
        {
            return problem;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await views.FindAsync(complaint.Id, cancellationToken) is { } changed ? changed : Error.NotFound("complaint", complaint.Id);
    }
}

internal static class ComplaintWorkflowEndpoints
{
    public static void Map(IEndpointRouteBuilder complaints)
    {
        MapStep<AcknowledgeInput>(complaints, "acknowledge", ComplaintStepKind.Acknowledged, "Complaints_Acknowledge",
            "Record that the customer was told, and the promised time (承诺时间; by default the SLA's for its severity and customer)");
        MapStep(complaints, "investigate", ComplaintStepKind.Investigating, "Complaints_Investigate", "Start investigating a received complaint");
        MapStep<ResolutionInput>(complaints, "propose", ComplaintStepKind.ResolutionProposed, "Complaints_Propose",
            "Propose the remedy, with its cost; a goodwill gift only for a major or critical complaint of a key customer");
        MapStep(complaints, "resolve", ComplaintStepKind.Resolved, "Complaints_Resolve", "The proposed remedy was carried out");
        MapStep<CloseInput>(complaints, "close", ComplaintStepKind.Closed, "Complaints_Close", "The customer confirmed the resolution satisfied them");
        MapStep<ReopenInput>(complaints, "reopen", ComplaintStepKind.Reopened, "Complaints_Reopen",
            "The customer is not satisfied, or it came back: investigate again (it counts as reopened)");
        MapStep<AssignInput>(complaints, "assign", ComplaintStepKind.Reassigned, "Complaints_Assign",
            "Hand the complaint to service staff, or to a rep or manager who looks after the customer");
        MapStep<CauseInput>(complaints, "cause", ComplaintStepKind.CauseFound, "Complaints_Cause", "Name the root cause (a category in use), at any point");
        MapStep<PreventionInput>(complaints, "prevention", ComplaintStepKind.PreventionPlanned, "Complaints_PlanPrevention",
            "Plan what prevents it happening again (防止再发), with an owner and a due day; once the cause is named");
        MapStep(complaints, "prevention/done", ComplaintStepKind.PreventionDone, "Complaints_PreventionDone", "The prevention action is done");
        MapStep<CustomerUpdateInput>(complaints, "updates", ComplaintStepKind.CustomerUpdated, "Complaints_UpdateCustomer",
            "Record what the customer was told and how (及时通知顾客), until the complaint is closed");
        MapStep<AnswerUseInput>(complaints, "answers", ComplaintStepKind.AnswerUsed, "Complaints_GiveAnswer",
            "Link the standard answer (标准回答) given to the customer, once per complaint; its usage count grows by one");
    }

    private static void MapStep(IEndpointRouteBuilder complaints, string path, ComplaintStepKind step, string name, string summary) =>
        Described(complaints.MapPost($"/{{id:guid}}/{path}", (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            response.ChangeAsync(ifMatch, expected => mediator.Send(new ComplaintStepCommand(id, expected, step, null), cancellationToken), complaint => complaint.Version)), name, summary);

    private static void MapStep<TInput>(IEndpointRouteBuilder complaints, string path, ComplaintStepKind step, string name, string summary)
        where TInput : class =>
        Described(complaints.MapPost($"/{{id:guid}}/{path}", (Guid id, TInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
            response.ChangeAsync(ifMatch, expected => mediator.Send(new ComplaintStepCommand(id, expected, step, body), cancellationToken), complaint => complaint.Version)), name, summary)
            .ProducesValidationProblem();

    private static RouteHandlerBuilder Described(RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint
            .RejectUnknownQuery()
            .WithName(name)
            .WithSummary($"{summary}; requires If-Match")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
