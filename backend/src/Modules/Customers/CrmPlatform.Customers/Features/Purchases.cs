using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Results;
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

/// <summary>The route and query string of <c>GET /customers/{id}/purchases</c>.</summary>
/// <param name="Cursor">The nextCursor of the previous page, unchanged.</param>
/// <param name="Limit">Purchases per page, 1 to 200; 50 when omitted.</param>
public sealed record ListPurchasesQuery([property: FromRoute] Guid Id, string? Cursor, int? Limit) : IQuery<Result<Page<PurchaseDto>>>;

/// <summary>One purchase of the archive (成交档案): what was bought, at what price, when, and where it was recorded.</summary>
/// <param name="Source">The module that reported it ("deals").</param>
/// <param name="ReferenceId">The record it came from there (the won deal).</param>
public sealed record PurchaseDto(
    Guid Id,
    string Title,
    decimal Amount,
    string Currency,
    DateTimeOffset PurchasedAt,
    IReadOnlyList<PurchaseLine> Lines,
    string Source,
    Guid? ReferenceId);

internal sealed class ListPurchasesValidator : AbstractValidator<ListPurchasesQuery>
{
    public ListPurchasesValidator()
    {
        RuleFor(q => q.Limit).PageLimit();
        RuleFor(q => q.Cursor).CursorOf(_ => ListPurchasesHandler.Sort);
    }
}

/// <summary>The archive, newest first; a merged customer's purchases moved to the survivor with the merge.</summary>
internal sealed class ListPurchasesHandler(CustomersDbContext db, CustomerAccess access) : IQueryHandler<ListPurchasesQuery, Result<Page<PurchaseDto>>>
{
    public const string Sort = "purchases";

    public async ValueTask<Result<Page<PurchaseDto>>> Handle(ListPurchasesQuery query, CancellationToken cancellationToken)
    {
        if (!await access.CanSeeAsync(query.Id, cancellationToken))
        {
            return Error.NotFound("customer", query.Id);
        }

        var limit = query.Limit ?? PageLimits.Default;
        Cursor.TryDecode(query.Cursor, Sort, out var after);
        var rows = await db.Purchases.AsNoTracking()
            .Where(p => p.CustomerId == query.Id)
            .PageAfter(p => p.Id, descending: true, after)
            .Take(limit + 1)
            .Select(p => new PurchaseDto(p.Id, p.Title, p.Amount, p.Currency, p.PurchasedAt, p.Lines, p.Source, p.ReferenceId))
            .ToListAsync(cancellationToken);
        return Page.FromOverfetch(rows, limit, last => new Cursor(Sort, null, last.Id));
    }
}

internal static class PurchaseEndpoints
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapGet("/{id:guid}/purchases", async ([AsParameters] ListPurchasesQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Customers_ListPurchases")
            .WithSummary("The customer's purchase archive (成交档案): what each won deal sold, line by line, newest first, keyset pages")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
