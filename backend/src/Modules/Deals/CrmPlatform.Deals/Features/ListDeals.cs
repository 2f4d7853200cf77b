using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Deals.Domain;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

/// <summary>Whose records: the owner and team filters every deals and collections view takes.</summary>
public interface IOwnerFilter
{
    Guid? OwnerId { get; }

    Guid? TeamId { get; }
}

/// <summary>What narrows a set of deals: the list's and the board's filters.</summary>
public interface IDealFilter : IOwnerFilter
{
    DateOnly? ExpectedCloseFrom { get; }

    DateOnly? ExpectedCloseTo { get; }
}

/// <summary>The query string of <c>GET /deals</c>.</summary>
/// <param name="Q">Part of the deal's title or of its customer's name (any case).</param>
/// <param name="Stage">The key of a stage.</param>
/// <param name="ExpectedCloseFrom">Deals expected to close on or after this day.</param>
/// <param name="ExpectedCloseTo">Deals expected to close on or before this day.</param>
/// <param name="Cursor">The nextCursor of the previous page, unchanged.</param>
/// <param name="Limit">Rows per page, 1 to 200; 50 when omitted.</param>
public sealed record ListDealsQuery(
    string? Q,
    QueryEnum<DealStatus>? Status,
    string? Stage,
    Guid? CustomerId,
    Guid? OwnerId,
    Guid? TeamId,
    DateOnly? ExpectedCloseFrom,
    DateOnly? ExpectedCloseTo,
    string? Cursor,
    int? Limit) : IQuery<Result<Page<DealCardDto>>>, IDealFilter;

internal sealed class DealFilterValidator : AbstractValidator<IDealFilter>
{
    public DealFilterValidator() => RuleFor(f => f.ExpectedCloseTo).GreaterThanOrEqualTo(f => f.ExpectedCloseFrom)
        .When(f => f.ExpectedCloseFrom is not null && f.ExpectedCloseTo is not null);
}

internal sealed class ListDealsValidator : AbstractValidator<ListDealsQuery>
{
    public const string Sort = "deals";

    public ListDealsValidator()
    {
        Include(new DealFilterValidator());
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Stage).MaximumLength(StageLimits.Key);
        RuleFor(q => q.Limit).PageLimit();
        RuleFor(q => q.Cursor).CursorOf(_ => Sort);
    }
}

/// <summary>The deals the caller may see, newest first.</summary>
internal sealed class ListDealsHandler(DealViews views) : IQueryHandler<ListDealsQuery, Result<Page<DealCardDto>>>
{
    public async ValueTask<Result<Page<DealCardDto>>> Handle(ListDealsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? PageLimits.Default;
        Cursor.TryDecode(query.Cursor, ListDealsValidator.Sort, out var after);
        var deals = views.Visible().Filtered(query);
        if (query.Status is { Value: var status })
        {
            deals = deals.Where(d => d.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Stage))
        {
            deals = deals.Where(d => d.Stage == query.Stage);
        }

        if (query.CustomerId is { } customerId)
        {
            deals = deals.Where(d => d.CustomerId == customerId);
        }

        var rows = views.Rows(deals);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var part = Like.Contains(query.Q);
            rows = rows.Where(r => EF.Functions.ILike(r.Deal.Title, part, Like.EscapeCharacter) || EF.Functions.ILike(r.CustomerName, part, Like.EscapeCharacter));
        }

        var cards = await views.CardsAsync(rows.PageAfter(r => r.Deal.Id, descending: true, after).Take(limit + 1), cancellationToken);
        return Page.FromOverfetch(cards, limit, last => new Cursor(ListDealsValidator.Sort, null, last.Id));
    }
}

internal static class DealFilters
{
    public static IQueryable<Deal> Filtered(this IQueryable<Deal> deals, IDealFilter filter) => deals.OwnedBy(filter).ExpectedToClose(filter);

    /// <summary>Deals or invoices of the owner and team asked for (within what the caller may see, which comes first).</summary>
    public static IQueryable<T> OwnedBy<T>(this IQueryable<T> records, IOwnerFilter filter)
        where T : class, IOwnedRecord
    {
        if (filter.OwnerId is { } ownerId)
        {
            records = records.Where(r => r.OwnerId == ownerId);
        }

        return filter.TeamId is { } teamId ? records.Where(r => r.TeamId == teamId) : records;
    }

    public static IQueryable<Deal> ExpectedToClose(this IQueryable<Deal> deals, IDealFilter filter)
    {
        if (filter.ExpectedCloseFrom is { } from)
        {
            deals = deals.Where(d => d.ExpectedCloseOn >= from);
        }

        return filter.ExpectedCloseTo is { } to ? deals.Where(d => d.ExpectedCloseOn <= to) : deals;
    }
}

internal static class ListDealsEndpoint
{
    public static void Map(IEndpointRouteBuilder deals) =>
        deals.MapGet("/", async ([AsParameters] ListDealsQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Deals_List")
            .WithSummary("List the deals you may see, newest first: search (q), status, stage, customer, owner, team, expected close; keyset pages")
            .ProducesValidationProblem();
}
