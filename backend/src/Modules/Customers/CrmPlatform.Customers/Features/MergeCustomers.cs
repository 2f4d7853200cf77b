using System.Globalization;
using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

/// <summary>The customer to merge into the one addressed (the survivor), at the version the caller compared.</summary>
/// <param name="DuplicateId">The customer that goes away; its address will answer 404 naming the survivor.</param>
/// <param name="DuplicateVersion">Its version as the caller last read it (the candidate's or the customer's <c>version</c>).</param>
public sealed record MergeInput(Guid DuplicateId, uint DuplicateVersion);

public sealed record MergeCustomersCommand(Guid SurvivorId, uint ExpectedVersion, MergeInput Merge) : ICommand<Result<CustomerDto>>;

internal sealed class MergeInputValidator : AbstractValidator<MergeInput>
{
    public MergeInputValidator() => RuleFor(m => m.DuplicateId).NotEmpty();
}

internal sealed class MergeCustomersValidator : AbstractValidator<MergeCustomersCommand>
{
    public MergeCustomersValidator() => RuleFor(c => c.Merge).SetValidator(new MergeInputValidator()).AtBodyRoot();
}

/// <summary>
/// Two records of one customer become one (ADR 0020): the survivor takes in the duplicate's facts, and its
/// contacts, timeline and key dates move over; the duplicate is kept, marked as merged, so its address can
/// say where the customer went. Managers (within their team), directors and admins; the same people who
/// move customers between reps, since a merge takes a customer from the duplicate's owner.
/// </summary>
internal sealed class MergeCustomersHandler(
    CustomersDbContext db, ICurrentUser currentUser, OwnershipMoves moves, CustomerById customerById, CustomerViews views, SettingsCache settings, ValueRating rating,
    TimeProvider clock)
    : ICommandHandler<MergeCustomersCommand, Result<CustomerDto>>
{
    public static readonly Error Forbidden = Error.Forbidden(
        "customer.merge_forbidden", "Only managers (within their team), directors and admins merge customers.");

    public async ValueTask<Result<CustomerDto>> Handle(MergeCustomersCommand command, CancellationToken cancellationToken)
    {
        if (!moves.CallerMayTransfer)
        {
            return Forbidden;
        }

        if (command.Merge.DuplicateId == command.SurvivorId)
        {
            return Error.Validation("duplicateId", "A customer cannot be merged into itself.");
        }

        // Both rows, in one order for everyone: two merges of the same pair wait for each other instead of deadlocking,
        // and what is read next is what the merge changes.
        Guid[] pair = [command.SurvivorId, command.Merge.DuplicateId];
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM customers.customers WHERE id = ANY({pair}) ORDER BY id FOR UPDATE", cancellationToken);

        var survivor = await db.LoadForChangeAsync(command.SurvivorId, command.ExpectedVersion, currentUser, cancellationToken);
        if (!survivor.IsSuccess)
        {
            return survivor.Error;
        }

        var duplicate = await db.LoadForChangeAsync(command.Merge.DuplicateId, command.Merge.DuplicateVersion, currentUser, cancellationToken);
        if (!duplicate.IsSuccess)
        {
            return duplicate.Error.Kind == ErrorKind.NotFound
                ? duplicate.Error with { Fields = new Dictionary<string, string[]> { ["duplicateId"] = [duplicate.Error.Detail] } }
                : duplicate.Error;
        }

        var now = clock.GetDatabaseUtcNow();
        var (keep, gone) = (survivor.Value, duplicate.Value);
        var contacts = await db.Contacts.Where(c => c.CustomerId == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, keep.Id), cancellationToken);
        var interactions = await db.Interactions.Where(i => i.CustomerId == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, keep.Id), cancellationToken);
        var keyDates = await db.KeyDates.Where(k => k.CustomerId == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.CustomerId, keep.Id), cancellationToken);
        await db.Purchases.Where(p => p.CustomerId == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CustomerId, keep.Id), cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO customers.customer_activity (customer_id, last_interaction_at, last_contacted_at, last_visited_at)
            SELECT {keep.Id}, last_interaction_at, last_contacted_at, last_visited_at FROM customers.customer_activity WHERE customer_id = {gone.Id}
            ON CONFLICT (customer_id) DO UPDATE SET
                last_interaction_at = greatest(customer_activity.last_interaction_at, excluded.last_interaction_at),
                last_contacted_at = greatest(customer_activity.last_contacted_at, excluded.last_contacted_at),
                last_visited_at = greatest(customer_activity.last_visited_at, excluded.last_visited_at)
            """,
            cancellationToken);

        // Records merged into the duplicate earlier now point at the survivor: a pointer never leads to a record gone.
        await db.Customers.IgnoreQueryFilters().Where(c => c.MergedIntoId == gone.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.MergedIntoId, keep.Id), cancellationToken);

        var differences = Differences(keep, gone);
        var rules = await settings.GetAsync(db, cancellationToken);
        keep.Absorb(gone, now);
        keep.ApplyLoyalty(rules.Loyalty, now);
        gone.MergeInto(keep.Id, now);
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            EntityType = "customer",
            EntityId = keep.Id,
            Action = AuditAction.Merged,
            ChangedBy = currentUser.Id,
            ChangedAt = now,
            Changes =
            [
                new FieldChange("mergedCustomerId", null, gone.Id.ToString()),
                new FieldChange("mergedCustomerName", null, gone.Name),
                new FieldChange("contacts", null, contacts.ToString(CultureInfo.InvariantCulture)),
                new FieldChange("interactions", null, interactions.ToString(CultureInfo.InvariantCulture)),
                new FieldChange("keyDates", null, keyDates.ToString(CultureInfo.InvariantCulture)),
                .. differences,
            ],
        });
        db.Publish(new CustomerMerged(Guid.CreateVersion7(now), now, gone.Id, gone.Name, gone.OwnerId, gone.TeamId, keep.Id));
        await db.SaveChangesAsync(cancellationToken);
        await db.RefreshContactSearchAsync([keep.Id, gone.Id], cancellationToken);
        // The duplicate's purchases count for the survivor now.
        await rating.RecomputeAsync(rules.ValueTiers, [keep.Id, gone.Id], cancellationToken);

        var merged = await customerById.Query.ExecuteAsync(db, currentUser, keep.Id, cancellationToken);
        return await views.CompleteAsync(merged!, cancellationToken);
    }

    /// <summary>What the duplicate said that the survivor says otherwise: old is the duplicate's word, new the survivor's, which stays.</summary>
    private List<FieldChange> Differences(Domain.Customer keep, Domain.Customer gone)
    {
        var survivor = db.Entry(keep);
        var duplicate = db.Entry(gone);
        return
        [
            .. Domain.Customer.SingleFacts
                .Select(fact => (
                    Field: System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(fact),
                    Kept: AuditValues.Text(survivor.Property(fact).CurrentValue),
                    Dropped: AuditValues.Text(duplicate.Property(fact).CurrentValue)))
                .Where(d => d.Kept is not null && d.Dropped is not null && d.Kept != d.Dropped)
                .Select(d => new FieldChange(d.Field, d.Dropped, d.Kept)),
        ];
    }
}

/// <summary>A 404 of a customer's address; when its code is <c>customer.merged</c>, it names where the customer went.</summary>
public sealed class MergedCustomerProblem : ProblemDetails
{
    public const string Code = "customer.merged";

    /// <summary>The customer it was merged into (with code <c>customer.merged</c> only).</summary>
    public Guid? MergedIntoId { get; init; }

    public static Error Of(Guid id, Guid survivorId) =>
        new Error(ErrorKind.NotFound, Code, $"The customer '{id}' was merged into '{survivorId}'.") with
        {
            Extensions = new Dictionary<string, object?> { [System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(nameof(MergedIntoId))] = survivorId },
        };
}

internal static class MergeCustomersEndpoint
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapPost("/{id:guid}/merge", (
                    Guid id,
                    MergeInput body,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new MergeCustomersCommand(id, expected, body), cancellationToken), customer => customer.Version))
            .WithName("Customers_Merge")
            .WithSummary("Merge another customer (duplicateId) into this one: its contacts, timeline, key dates, phones and tags come over; managers within their team, directors, admins; If-Match is this customer's version")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
