using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Time;
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

/// <summary>A customer in the pool, as the reps who may claim it see it.</summary>
/// <param name="PreviousOwnerName">Who had it last.</param>
/// <param name="ClaimableFrom">When you may claim it: set only when you had it last and the pool's reclaim wait has not passed.</param>
public sealed record PoolCustomerDto(
    Guid Id,
    string Name,
    CustomerKind Kind,
    string? Company,
    string? Region,
    string? Industry,
    CustomerStage Stage,
    Guid? TeamId,
    Guid PreviousOwnerId,
    string? PreviousOwnerName,
    DateTimeOffset PooledAt,
    DateTimeOffset? LastInteractionAt,
    DateTimeOffset? ClaimableFrom);

/// <param name="ClaimedToday">Claims the caller made today (China).</param>
/// <param name="ClaimsPerDay">The most a rep may claim in one day.</param>
public sealed record PoolAllowanceDto(int ClaimedToday, int ClaimsPerDay);

/// <param name="Reason">Why the owner lets it go (at most 200 characters).</param>
public sealed record ReleaseInput([property: MaxLength(OwnershipLimits.Reason)] string? Reason = null);

/// <summary>The query string of <c>GET /customers/pool</c>.</summary>
/// <param name="Q">Part of the name, phone or company, or of a contact's name or phone.</param>
/// <param name="Cursor">The nextCursor of the previous page, unchanged.</param>
/// <param name="Limit">Rows per page, 1 to 200; 50 when omitted.</param>
public sealed record ListPoolQuery(string? Q, string? Cursor, int? Limit) : IQuery<Result<Page<PoolCustomerDto>>>;

public sealed record PoolAllowanceQuery : IQuery<Result<PoolAllowanceDto>>;

public sealed record ClaimFromPoolCommand(Guid Id) : ICommand<Result<CustomerDto>>;

public sealed record ReleaseToPoolCommand(Guid Id, uint ExpectedVersion, ReleaseInput Release) : ICommand<Result<Unit>>;

internal sealed class ListPoolValidator : AbstractValidator<ListPoolQuery>
{
    public ListPoolValidator()
    {
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Limit).PageLimit();
        RuleFor(q => q.Cursor).CursorOf(_ => ListPoolHandler.Sort);
    }
}

internal sealed class ReleaseToPoolValidator : AbstractValidator<ReleaseToPoolCommand>
{
    public ReleaseToPoolValidator() => RuleFor(c => c.Release.Reason).MaximumLength(OwnershipLimits.Reason).OverridePropertyName("reason");
}

/// <summary>
/// The pool (公海): each team's customers that nobody keeps in touch with. A rep or manager sees and claims
/// their own team's; directors and admins see every team's; nobody claims another team's (404).
/// </summary>
internal static class CustomerPool
{
    public static IQueryable<Customer> Pooled(this CustomersDbContext db) =>
        db.Customers.IgnoreQueryFilters().Where(c => c.ArchivedAt == null && c.MergedIntoId == null && c.PooledAt != null);

    public static IQueryable<Customer> OfCallersTeam(this IQueryable<Customer> pooled, ICurrentUser user) =>
        user.Scope() == ScopeKind.All ? pooled : pooled.Where(c => user.TeamId != null && c.TeamId == user.TeamId);

    public static Task<int> ClaimedTodayAsync(this CustomersDbContext db, Guid userId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var startOfDay = ChinaTime.StartOf(ChinaTime.Today(clock));
        return db.OwnershipChanges.CountAsync(
            c => c.Kind == OwnershipChangeKind.ClaimedFromPool && c.ToOwnerId == userId && c.ChangedAt >= startOfDay, cancellationToken);
    }

    /// <summary>When a pooled customer's last owner may claim it back; null when the caller may claim it now.</summary>
    public static DateTimeOffset? ClaimableFrom(this CustomerSettings settings, Guid previousOwnerId, DateTimeOffset pooledAt, Guid caller, DateTimeOffset now)
    {
        var from = pooledAt.AddDays(settings.PoolReclaimAfterDays);
        return previousOwnerId == caller && from > now ? from : null;
    }
}

internal sealed class ListPoolHandler(CustomersDbContext db, ICurrentUser currentUser, IUserDirectory users, SettingsCache settings, TimeProvider clock)
    : IQueryHandler<ListPoolQuery, Result<Page<PoolCustomerDto>>>
{
    public const string Sort = "pool";

    public async ValueTask<Result<Page<PoolCustomerDto>>> Handle(ListPoolQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? PageLimits.Default;
        Cursor.TryDecode(query.Cursor, Sort, out var after);
        var rows = await db.Pooled().AsNoTracking().OfCallersTeam(currentUser)
            .Matching(query.Q).PageAfter(c => c.Id, descending: true, after).Take(limit + 1)
            .Select(c => new PoolCustomerDto(
                c.Id, c.Name, c.Kind, c.Company, c.Region, c.Industry, c.Stage, c.TeamId, c.OwnerId, null, c.PooledAt!.Value,
                c.Activity != null ? c.Activity.LastInteractionAt : null, null))
            .ReadAsync(db, query.Q, cancellationToken);
        var names = await users.DisplayNamesAsync([.. rows.Select(r => r.PreviousOwnerId).Distinct()], cancellationToken);
        var rules = await settings.GetAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var page = Page.FromOverfetch(rows, limit, last => new Cursor(Sort, null, last.Id));
        return page with
        {
            Items =
            [
                .. page.Items.Select(r => r with
                {
                    PreviousOwnerName = names.GetValueOrDefault(r.PreviousOwnerId),
                    ClaimableFrom = rules.ClaimableFrom(r.PreviousOwnerId, r.PooledAt, currentUser.Id, now),
                }),
            ],
        };
    }
}

internal sealed class PoolAllowanceHandler(CustomersDbContext db, ICurrentUser currentUser, SettingsCache settings, TimeProvider clock)
    : IQueryHandler<PoolAllowanceQuery, Result<PoolAllowanceDto>>
{
    public async ValueTask<Result<PoolAllowanceDto>> Handle(PoolAllowanceQuery query, CancellationToken cancellationToken) =>
        new PoolAllowanceDto(await db.ClaimedTodayAsync(currentUser.Id, clock, cancellationToken), (await settings.GetAsync(db, cancellationToken)).PoolClaimsPerDay);
}

/// <summary>A rep (or manager) of the customer's team takes it from the pool, within the day's claim limit.</summary>
internal sealed class ClaimFromPoolHandler(
    CustomersDbContext db, ICurrentUser currentUser, SettingsCache settings, OwnershipMoves moves, CustomerViews views, TimeProvider clock, AutoMapper.IMapper mapper)
    : ICommandHandler<ClaimFromPoolCommand, Result<CustomerDto>>
{
    public async ValueTask<Result<CustomerDto>> Handle(ClaimFromPoolCommand command, CancellationToken cancellationToken)
    {
        if (currentUser.Role is not (Roles.Rep or Roles.Manager) || currentUser.TeamId is null)
        {
            return Error.Forbidden("customer.claim_forbidden", "Reps and managers claim from their own team's pool.");
        }

        // One claim at a time per rep (the day's count stays true) and per customer (two claimers: one wins).
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({currentUser.Id.ToString()}, 0))", cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM customers.customers WHERE id = {command.Id} FOR UPDATE", cancellationToken);
        var customer = await db.Customers.IgnoreQueryFilters().Include(c => c.Activity).Include(c => c.Rating)
            .SingleOrDefaultAsync(c => c.Id == command.Id && c.ArchivedAt == null && c.MergedIntoId == null && c.TeamId == currentUser.TeamId, cancellationToken);
        if (customer is null)
        {
            return Error.NotFound("customer", command.Id);
        }

        if (customer.PooledAt is null)
        {
            // Someone claimed it first, if the caller saw it in the pool; a teammate's customer the caller may not see stays unseen.
            return currentUser.CanAssignTo(customer.OwnerId, customer.TeamId)
                ? Error.Conflict("customer.not_in_pool", "This customer is not in the pool (someone claimed it first).")
                : Error.NotFound("customer", command.Id);
        }

        var rules = await settings.GetAsync(db, cancellationToken);
        if (rules.ClaimableFrom(customer.OwnerId, customer.PooledAt.Value, currentUser.Id, clock.GetUtcNow()) is { } from)
        {
            return new Error(
                ErrorKind.Unprocessable, "customer.reclaim_wait",
                $"You had this customer last: the rest of your team may claim it first, and you from {from.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm} (China time).");
        }

        if (await db.ClaimedTodayAsync(currentUser.Id, clock, cancellationToken) >= rules.PoolClaimsPerDay)
        {
            return new Error(ErrorKind.Unprocessable, "customer.claim_limit", $"You have claimed {rules.PoolClaimsPerDay} customers today, the most a day allows.");
        }

        moves.Move(customer, new Owner(currentUser.Id, currentUser.TeamId), OwnershipChangeKind.ClaimedFromPool, reason: null, clock.GetDatabaseUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await views.CompleteAsync(mapper.Map<CustomerDto>(customer), cancellationToken);
    }
}

/// <summary>The owner (or a manager and above) lets a customer go back to its team's pool.</summary>
internal sealed class ReleaseToPoolHandler(CustomersDbContext db, ICurrentUser currentUser, PoolReturns returns)
    : ICommandHandler<ReleaseToPoolCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(ReleaseToPoolCommand command, CancellationToken cancellationToken)
    {
        if (currentUser.Role == Roles.Service)
        {
            return Error.Forbidden("customer.release_forbidden", "Owners, managers and above release customers to the pool.");
        }

        var found = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, currentUser, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        if (found.Value.TeamId is null)
        {
            return Error.Unprocessable("customer.no_pool", "id", "This customer's owner has no team, so there is no pool to release it to: transfer it instead.");
        }

        returns.Return(found.Value, currentUser.Id, command.Release.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The one way a customer goes back to the pool — released by a user or swept by the daily job.</summary>
internal sealed class PoolReturns(CustomersDbContext db, TimeProvider clock)
{
    public const string ReturnedTopic = "customers.returnedToPool";

    public void Return(Customer customer, Guid? by, string? reason)
    {
        var now = clock.GetDatabaseUtcNow();
        db.OwnershipChanges.Add(OwnershipChange.Record(customer, null, customer.TeamId, OwnershipChangeKind.ReturnedToPool, by, reason, now));
        customer.ReturnToPool(now);
        if (by != customer.OwnerId)
        {
            db.Publish(new NotifyUser(
                Guid.CreateVersion7(now), now, customer.OwnerId, ReturnedTopic,
                new Dictionary<string, string> { ["customerId"] = customer.Id.ToString(), ["customerName"] = customer.Name },
                "/customers/pool", $"pool-return:{customer.Id}:{now:O}"));
        }
    }
}

internal static class PoolEndpoints
{
    public static void Map(IEndpointRouteBuilder customers)
    {
        customers.MapGet("/pool", async ([AsParameters] ListPoolQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Customers_ListPool")
            .WithSummary("The pool (公海) of your team (every team's for directors and admins), newest first")
            .ProducesValidationProblem();

        customers.MapGet("/pool/allowance", async (IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new PoolAllowanceQuery(), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("Customers_PoolAllowance")
            .WithSummary("How many customers you claimed from the pool today, and the most a day allows");

        customers.MapPost("/{id:guid}/claim", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new ClaimFromPoolCommand(id), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("Customers_Claim")
            .WithSummary("Take a customer from your team's pool; it becomes yours")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        customers.MapPost("/{id:guid}/release", (
                    Guid id,
                    ReleaseInput body,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    CancellationToken cancellationToken) =>
                ETags.ChangeWithoutBodyAsync(ifMatch, expected => mediator.Send(new ReleaseToPoolCommand(id, expected, body), cancellationToken)))
            .WithName("Customers_Release")
            .WithSummary("Let a customer go back to its team's pool; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }
}
