using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
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

/// <param name="ToOwnerId">The rep who takes the customer over; within your team if you are a manager.</param>
/// <param name="Reason">Why, for the ownership history (at most 200 characters).</param>
public sealed record TransferInput(Guid ToOwnerId, [property: MaxLength(OwnershipLimits.Reason)] string? Reason = null);

/// <param name="FromOwnerId">The rep whose whole book moves (a rep who is leaving).</param>
/// <param name="ToOwnerIds">The reps who take it over, 1 to 20: the customers are shared out evenly, in turn.</param>
public sealed record BulkTransferInput(Guid FromOwnerId, IReadOnlyList<Guid> ToOwnerIds, [property: MaxLength(OwnershipLimits.Reason)] string? Reason = null);

public sealed record OwnerShareDto(Guid OwnerId, string? OwnerName, int Customers);

/// <param name="Moved">How many customers changed hands.</param>
public sealed record BulkTransferResultDto(int Moved, IReadOnlyList<OwnerShareDto> Shares);

/// <param name="FromOwnerId">Null when it came from the pool.</param>
/// <param name="ToOwnerId">Null when it went to the pool.</param>
/// <param name="ChangedBy">Who moved it; null for the system (the pool's daily sweep).</param>
public sealed record OwnershipChangeDto(
    Guid Id,
    OwnershipChangeKind Kind,
    Guid? FromOwnerId,
    string? FromOwnerName,
    Guid? ToOwnerId,
    string? ToOwnerName,
    Guid? ChangedBy,
    string? ChangedByName,
    DateTimeOffset ChangedAt,
    string? Reason);

public sealed record TransferCustomerCommand(Guid Id, uint ExpectedVersion, TransferInput Transfer) : ICommand<Result<CustomerDto>>;

public sealed record BulkTransferCommand(BulkTransferInput Transfer) : ICommand<Result<BulkTransferResultDto>>;

public sealed record OwnershipHistoryQuery(Guid Id) : IQuery<Result<IReadOnlyList<OwnershipChangeDto>>>;

internal sealed class TransferCustomerValidator : AbstractValidator<TransferCustomerCommand>
{
    public TransferCustomerValidator() => RuleFor(c => c.Transfer).ChildRules(transfer =>
    {
        transfer.RuleFor(t => t.ToOwnerId).NotEmpty();
        transfer.RuleFor(t => t.Reason).MaximumLength(OwnershipLimits.Reason);
    }).AtBodyRoot();
}

internal sealed class BulkTransferValidator : AbstractValidator<BulkTransferCommand>
{
    public const int MaxRecipients = 20;

    public BulkTransferValidator() => RuleFor(c => c.Transfer).ChildRules(transfer =>
    {
        transfer.RuleFor(t => t.FromOwnerId).NotEmpty();
        // JSON null reaches here as null: each rule after NotEmpty needs the list.
        transfer.RuleFor(t => t.ToOwnerIds).Cascade(CascadeMode.Stop).NotEmpty()
            .Must(ids => ids.Count <= MaxRecipients).WithMessage($"At most {MaxRecipients} reps.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Each rep once.")
            .Must((t, ids) => !ids.Contains(t.FromOwnerId)).WithMessage("The book goes to other reps.");
        transfer.RuleFor(t => t.Reason).MaximumLength(OwnershipLimits.Reason);
    }).AtBodyRoot();
}

/// <summary>
/// Moving customers between reps — one at a time, a whole book, or through an edit of the owner — always
/// the same way: who may, the ownership history, and the event other modules keep their copies by.
/// </summary>
internal sealed class OwnershipMoves(CustomersDbContext db, ICurrentUser currentUser, OwnerAssignment owners)
{
    public static readonly Error Forbidden = Error.Forbidden(
        "customer.transfer_forbidden", "Only managers (within their team), directors and admins move customers between reps.");

    /// <summary>Managers (within their team, which <see cref="OwnerAssignment"/> checks), directors and admins.</summary>
    public bool CallerMayTransfer => currentUser.Role is Roles.Manager or Roles.Director or Roles.Admin;

    public Task<Result<Owner>> ResolveAsync(Guid ownerId, CancellationToken cancellationToken) => owners.ResolveAsync(ownerId, cancellationToken);

    public void Move(Customer customer, Owner to, OwnershipChangeKind kind, string? reason, DateTimeOffset now)
    {
        var previousOwnerId = customer.OwnerId;
        db.OwnershipChanges.Add(OwnershipChange.Record(customer, to.Id, to.TeamId, kind, currentUser.Id, reason, now));
        customer.AssignTo(to.Id, to.TeamId, now);
        db.Publish(new CustomerOwnerChanged(Guid.CreateVersion7(now), now, customer.Id, customer.Name, customer.OwnerId, customer.TeamId, previousOwnerId));
    }
}

internal sealed class TransferCustomerHandler(CustomersDbContext db, ICurrentUser currentUser, OwnershipMoves moves, CustomerViews views, TimeProvider clock, AutoMapper.IMapper mapper)
    : ICommandHandler<TransferCustomerCommand, Result<CustomerDto>>
{
    public async ValueTask<Result<CustomerDto>> Handle(TransferCustomerCommand command, CancellationToken cancellationToken)
    {
        if (!moves.CallerMayTransfer)
        {
            return OwnershipMoves.Forbidden;
        }

        var found = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, currentUser, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var to = await moves.ResolveAsync(command.Transfer.ToOwnerId, cancellationToken);
        if (!to.IsSuccess)
        {
            return to.Error with { Fields = new Dictionary<string, string[]> { ["toOwnerId"] = [to.Error.Detail] } };
        }

        var customer = found.Value;
        if (to.Value.Id != customer.OwnerId)
        {
            moves.Move(customer, to.Value, OwnershipChangeKind.Transfer, command.Transfer.Reason, clock.GetDatabaseUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return await views.CompleteAsync(mapper.Map<CustomerDto>(customer), cancellationToken);
    }
}

/// <summary>A leaving rep's whole book (within the caller's scope), shared out in turn among the reps who take it over.</summary>
internal sealed class BulkTransferHandler(CustomersDbContext db, ICurrentUser currentUser, OwnershipMoves moves, IUserDirectory users, TimeProvider clock)
    : ICommandHandler<BulkTransferCommand, Result<BulkTransferResultDto>>
{
    public async ValueTask<Result<BulkTransferResultDto>> Handle(BulkTransferCommand command, CancellationToken cancellationToken)
    {
        if (!moves.CallerMayTransfer)
        {
            return OwnershipMoves.Forbidden;
        }

        var input = command.Transfer;
        var from = await users.FindAsync(input.FromOwnerId, cancellationToken);
        if (from is null || !currentUser.CanAssignTo(from.Id, from.TeamId))
        {
            return Error.Unprocessable("customer.owner_out_of_scope", "fromOwnerId", "This rep's customers are outside your team or role.");
        }

        var recipients = new List<Owner>();
        for (var i = 0; i < input.ToOwnerIds.Count; i++)
        {
            var to = await moves.ResolveAsync(input.ToOwnerIds[i], cancellationToken);
            if (!to.IsSuccess)
            {
                return to.Error with { Fields = new Dictionary<string, string[]> { [$"toOwnerIds[{i}]"] = [to.Error.Detail] } };
            }

            recipients.Add(to.Value);
        }

        var book = await db.Customers.VisibleTo(currentUser).Where(c => c.OwnerId == from.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var now = clock.GetDatabaseUtcNow();
        for (var i = 0; i < book.Count; i++)
        {
            moves.Move(book[i], recipients[i % recipients.Count], OwnershipChangeKind.BulkTransfer, input.Reason, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        var names = await users.DisplayNamesAsync([.. recipients.Select(r => r.Id)], cancellationToken);
        return new BulkTransferResultDto(
            book.Count,
            [.. recipients.Select((r, i) => new OwnerShareDto(r.Id, names.GetValueOrDefault(r.Id), (book.Count / recipients.Count) + (i < book.Count % recipients.Count ? 1 : 0)))]);
    }
}

internal sealed class OwnershipHistoryHandler(CustomersDbContext db, CustomerAccess access, IUserDirectory users)
    : IQueryHandler<OwnershipHistoryQuery, Result<IReadOnlyList<OwnershipChangeDto>>>
{
    public async ValueTask<Result<IReadOnlyList<OwnershipChangeDto>>> Handle(OwnershipHistoryQuery query, CancellationToken cancellationToken)
    {
        if (!await access.CanSeeAsync(query.Id, cancellationToken))
        {
            return Error.NotFound("customer", query.Id);
        }

        var ids = await MergedRecords.WithAsync(db, query.Id, cancellationToken);
        var changes = await db.OwnershipChanges.AsNoTracking()
            .Where(c => ids.Contains(c.CustomerId))
            .OrderByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        var people = changes.SelectMany(c => new[] { c.FromOwnerId, c.ToOwnerId, c.ChangedBy }).OfType<Guid>().Distinct().ToList();
        var names = await users.DisplayNamesAsync(people, cancellationToken);
        string? NameOf(Guid? user) => user is { } id ? names.GetValueOrDefault(id) : null;
        return changes.Select(c => new OwnershipChangeDto(
            c.Id, c.Kind, c.FromOwnerId, NameOf(c.FromOwnerId), c.ToOwnerId, NameOf(c.ToOwnerId),
            c.ChangedBy, NameOf(c.ChangedBy), c.ChangedAt, c.Reason)).ToList();
    }
}

internal static class OwnershipEndpoints
{
    public static void Map(IEndpointRouteBuilder customers)
    {
        customers.MapPost("/{id:guid}/transfer", (
                    Guid id,
                    TransferInput body,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new TransferCustomerCommand(id, expected, body), cancellationToken), customer => customer.Version))
            .WithName("Customers_Transfer")
            .WithSummary("Give a customer to another rep (managers within their team, directors, admins); requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        customers.MapPost("/transfers", async (BulkTransferInput body, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new BulkTransferCommand(body), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("Customers_BulkTransfer")
            .WithSummary("Hand a rep's whole book over to one or several reps, shared out evenly")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        customers.MapGet("/{id:guid}/ownership", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new OwnershipHistoryQuery(id), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("Customers_OwnershipHistory")
            .WithSummary("Every change of the customer's owner, newest first: who moved it, from whom to whom, and why")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
