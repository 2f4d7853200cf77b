using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using CrmPlatform.Identity.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

/// <summary>The body of an entry added from the relationship card.</summary>
/// <param name="Outcome">Calls only, and required for them: whether the customer was reached.</param>
/// <param name="OccurredAt">When it happened; now when omitted. Never in the future.</param>
/// <param name="NextStepDue">The day the next step is due (Asia/Shanghai calendar day).</param>
public sealed record InteractionInput(
    InteractionKind Kind,
    [property: MaxLength(InteractionLimits.Summary)] string Summary,
    CallOutcome? Outcome = null,
    DateTimeOffset? OccurredAt = null,
    [property: MaxLength(InteractionLimits.NextStep)] string? NextStep = null,
    DateOnly? NextStepDue = null,
    int? DurationMinutes = null);

public sealed record AddInteractionCommand(Guid CustomerId, InteractionInput Interaction) : ICommand<Result<InteractionDto>>;

/// <param name="Source">Which module recorded it: "customers" for the card, else the module whose event brought it.</param>
public sealed record InteractionDto(
    Guid Id,
    Guid CustomerId,
    InteractionKind Kind,
    CallOutcome? Outcome,
    DateTimeOffset OccurredAt,
    Guid? RecordedBy,
    string? RecordedByName,
    string Summary,
    string? NextStep,
    DateOnly? NextStepDue,
    string Source,
    int? DurationMinutes);

internal sealed class AddInteractionValidator : AbstractValidator<AddInteractionCommand>
{
    public AddInteractionValidator(TimeProvider clock) => RuleFor(c => c.Interaction).ChildRules(entry =>
    {
        entry.RuleFor(i => i.Kind).IsInEnum().Must(k => k is not (InteractionKind.Purchase or InteractionKind.Complaint))
            .WithMessage("Purchases and complaints reach the timeline from their modules (a won deal, a received complaint), not by hand.");
        entry.RuleFor(i => i.Summary).NotEmpty().MaximumLength(InteractionLimits.Summary);
        entry.RuleFor(i => i.NextStep).MaximumLength(InteractionLimits.NextStep);
        entry.RuleFor(i => i.Outcome).NotNull().When(i => i.Kind == InteractionKind.Call).WithMessage("A call needs its outcome: reached or notReached.");
        entry.RuleFor(i => i.Outcome).Null().When(i => i.Kind != InteractionKind.Call).WithMessage("Only calls have an outcome.");
        entry.RuleFor(i => i.DurationMinutes).InclusiveBetween(1, InteractionLimits.MaxDurationMinutes).When(i => i.DurationMinutes is not null);
        entry.RuleFor(i => i.DurationMinutes).Null().When(i => i.Kind is not (InteractionKind.Call or InteractionKind.Meeting or InteractionKind.Visit))
            .WithMessage("Only calls, meetings and visits are timed.");
        // A minute's grace for clocks that run a little ahead of the server's.
        entry.RuleFor(i => i.OccurredAt).LessThanOrEqualTo(_ => clock.GetUtcNow().AddMinutes(1)).When(i => i.OccurredAt is not null)
            .WithMessage("An entry records what happened: not in the future.");
    }).AtBodyRoot();
}

internal sealed class AddInteractionHandler(CustomersDbContext db, CustomerAccess access, ICurrentUser currentUser, InteractionLog log, TimeProvider clock)
    : ICommandHandler<AddInteractionCommand, Result<InteractionDto>>
{
    public async ValueTask<Result<InteractionDto>> Handle(AddInteractionCommand command, CancellationToken cancellationToken)
    {
        if (!await access.HoldAsync(command.CustomerId, cancellationToken))
        {
            return Error.NotFound("customer", command.CustomerId);
        }

        var input = command.Interaction;
        var now = clock.GetDatabaseUtcNow();
        var interaction = await log.AddAsync(
            new RecordInteraction(
                Guid.CreateVersion7(now), input.OccurredAt ?? now, command.CustomerId, input.Kind, input.Outcome, currentUser.Id,
                input.Summary, input.NextStep, input.NextStepDue, InteractionLog.CardSource, input.DurationMinutes),
            fromEvent: false,
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (await log.ToDtosAsync([interaction], cancellationToken))[0];
    }
}

/// <summary>The route and query string of <c>GET /customers/{id}/interactions</c>.</summary>
/// <param name="Cursor">The nextCursor of the previous page, unchanged.</param>
/// <param name="Limit">Entries per page, 1 to 200; 50 when omitted.</param>
public sealed record ListInteractionsQuery([property: FromRoute] Guid Id, string? Cursor, int? Limit) : IQuery<Result<Page<InteractionDto>>>;

internal sealed class ListInteractionsValidator : AbstractValidator<ListInteractionsQuery>
{
    public ListInteractionsValidator()
    {
        RuleFor(q => q.Limit).PageLimit();
        RuleFor(q => q.Cursor).CursorOf(_ => ListInteractionsHandler.Sort);
    }
}

internal sealed class ListInteractionsHandler(CustomersDbContext db, CustomerAccess access, InteractionLog log)
    : IQueryHandler<ListInteractionsQuery, Result<Page<InteractionDto>>>
{
    public const string Sort = "timeline";

    public async ValueTask<Result<Page<InteractionDto>>> Handle(ListInteractionsQuery query, CancellationToken cancellationToken)
    {
        if (!await access.CanSeeAsync(query.Id, cancellationToken))
        {
            return Error.NotFound("customer", query.Id);
        }

        var limit = query.Limit ?? PageLimits.Default;
        Cursor.TryDecode(query.Cursor, Sort, out var after);
        var rows = await db.Interactions.AsNoTracking()
            .Where(i => i.CustomerId == query.Id)
            .PageAfter(i => i.Id, descending: true, after)
            .Take(limit + 1)
            .ToListAsync(cancellationToken);
        return Page.FromOverfetch(await log.ToDtosAsync(rows, cancellationToken), limit, last => new Cursor(Sort, null, last.Id));
    }
}

/// <summary>
/// The one way entries reach a timeline — from the card and from other modules' <see cref="RecordInteraction"/>
/// events alike — and the one way they are shown.
/// </summary>
internal sealed class InteractionLog(CustomersDbContext db, IUserDirectory users)
{
    public const string CardSource = "customers";

    /// <summary>
    /// Adds the entry (written by the caller's save) and moves the customer's activity forward at once, in
    /// the caller's transaction: one statement, so two entries at the same moment both count, and an entry
    /// back-dated before the last one moves nothing.
    /// </summary>
    public async Task<Interaction> AddAsync(RecordInteraction entry, bool fromEvent, CancellationToken cancellationToken)
    {
        var interaction = Interaction.Record(entry, fromEvent);
        db.Interactions.Add(interaction);
        DateTimeOffset? contacted = CustomerActivity.IsContact(interaction.Kind, interaction.Outcome) ? interaction.OccurredAt : null;
        DateTimeOffset? visited = CustomerActivity.IsVisit(interaction.Kind) ? interaction.OccurredAt : null;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO customers.customer_activity (customer_id, last_interaction_at, last_contacted_at, last_visited_at)
            VALUES ({interaction.CustomerId}, {interaction.OccurredAt}, {contacted}, {visited})
            ON CONFLICT (customer_id) DO UPDATE SET
                last_interaction_at = greatest(customer_activity.last_interaction_at, excluded.last_interaction_at),
                last_contacted_at = greatest(customer_activity.last_contacted_at, excluded.last_contacted_at),
                last_visited_at = greatest(customer_activity.last_visited_at, excluded.last_visited_at)
            """,
            cancellationToken);
        return interaction;
    }

    public async Task<IReadOnlyList<InteractionDto>> ToDtosAsync(IReadOnlyList<Interaction> rows, CancellationToken cancellationToken)
    {
        var names = await users.DisplayNamesAsync([.. rows.Where(r => r.RecordedBy is not null).Select(r => r.RecordedBy!.Value).Distinct()], cancellationToken);
        return
        [
            .. rows.Select(i => new InteractionDto(
                i.Id, i.CustomerId, i.Kind, i.Outcome, i.OccurredAt, i.RecordedBy, i.RecordedBy is { } by ? names.GetValueOrDefault(by) : null,
                i.Summary, i.NextStep, i.NextStepDue, i.Source, i.DurationMinutes)),
        ];
    }
}

internal static class TimelineEndpoints
{
    public static void Map(IEndpointRouteBuilder customers)
    {
        customers.MapPost("/{id:guid}/interactions", async (Guid id, InteractionInput body, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new AddInteractionCommand(id, body), cancellationToken)).ToHttp(entry =>
                    TypedResults.Created($"/api/v1/customers/{id}/interactions/{entry.Id}", entry)))
            .WithName("Customers_AddInteraction")
            .WithSummary("Add an entry to the customer's timeline: a call and its outcome, a visit, a gift…")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        customers.MapGet("/{id:guid}/interactions", async ([AsParameters] ListInteractionsQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Customers_ListInteractions")
            .WithSummary("The customer's timeline, newest first (by when it happened), keyset pages")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
