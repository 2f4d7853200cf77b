using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Results;
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

/// <summary>The route and query string of <c>GET /customers/{id}/history</c>.</summary>
/// <param name="Cursor">The nextCursor of the previous page, unchanged.</param>
/// <param name="Limit">Entries per page, 1 to 200; 50 when omitted.</param>
public sealed record CustomerHistoryQuery([property: FromRoute] Guid Id, string? Cursor, int? Limit) : IQuery<Result<Page<AuditEntryDto>>>;

/// <param name="ChangedBy">The user who made the change; null for the system.</param>
/// <param name="ChangedByName">Their display name, when known.</param>
public sealed record AuditEntryDto(Guid Id, AuditAction Action, DateTimeOffset ChangedAt, Guid? ChangedBy, string? ChangedByName, IReadOnlyList<FieldChange> Changes);

internal sealed class CustomerHistoryValidator : AbstractValidator<CustomerHistoryQuery>
{
    public CustomerHistoryValidator()
    {
        RuleFor(q => q.Limit).PageLimit();
        RuleFor(q => q.Cursor).CursorOf(_ => CustomerHistoryHandler.Sort);
    }
}

/// <summary>Who changed what and when, newest first — for the customers the caller may see, and only those.</summary>
internal sealed class CustomerHistoryHandler(CustomersDbContext db, CustomerAccess access, IUserDirectory users)
    : IQueryHandler<CustomerHistoryQuery, Result<Page<AuditEntryDto>>>
{
    public const string Sort = "history";
    private const string EntityType = "customer";

    public async ValueTask<Result<Page<AuditEntryDto>>> Handle(CustomerHistoryQuery query, CancellationToken cancellationToken)
    {
        if (!await access.CanSeeAsync(query.Id, cancellationToken))
        {
            return Error.NotFound("customer", query.Id);
        }

        var limit = query.Limit ?? PageLimits.Default;
        Cursor.TryDecode(query.Cursor, Sort, out var after);
        // The history of records merged into this one is its history too: one id list, so the index serves every id.
        var ids = await MergedRecords.WithAsync(db, query.Id, cancellationToken);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == EntityType && ids.Contains(e.EntityId))
            .PageAfter(e => e.Id, descending: true, after)
            .Take(limit + 1)
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync([.. rows.Where(r => r.ChangedBy is not null).Select(r => r.ChangedBy!.Value).Distinct()], cancellationToken);
        var entries = rows
            .Select(e => new AuditEntryDto(e.Id, e.Action, e.ChangedAt, e.ChangedBy, e.ChangedBy is { } by ? names.GetValueOrDefault(by) : null, e.Changes))
            .ToList();
        return Page.FromOverfetch(entries, limit, last => new Cursor(Sort, null, last.Id));
    }
}

internal static class CustomerHistoryEndpoint
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapGet("/{id:guid}/history", async ([AsParameters] CustomerHistoryQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Customers_History")
            .WithSummary("Who changed the customer, when, and each field's old and new value; newest first, keyset pages")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}

/// <summary>A customer's id and the ids of the records merged into it: whose history and ownership are its own.</summary>
internal static class MergedRecords
{
    public static async Task<List<Guid>> WithAsync(CustomersDbContext db, Guid customerId, CancellationToken cancellationToken) =>
    [
        customerId,
        .. await db.Customers.IgnoreQueryFilters().Where(c => c.MergedIntoId == customerId).Select(c => c.Id).ToListAsync(cancellationToken),
    ];
}
