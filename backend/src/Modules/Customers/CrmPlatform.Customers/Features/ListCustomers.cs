using AutoMapper;
using AutoMapper.QueryableExtensions;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Localization;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

/// <param name="Q">Part of the name, phone or company (case-insensitive).</param>
/// <param name="Sort">One of <see cref="CustomerSorts.All"/>; newest first by default.</param>
public sealed record ListCustomersQuery(string? Q, CustomerStage? Stage, Guid? OwnerId, string? Sort, string? Cursor, int? Limit)
    : IQuery<Result<Page<CustomerDto>>>;

internal static class CustomerSorts
{
    public const string CreatedAt = "createdAt";
    public const string CreatedAtDescending = "-createdAt";
    public const string Name = "name";
    public const string NameDescending = "-name";
    public static readonly string[] All = [CreatedAtDescending, CreatedAt, Name, NameDescending];
}

internal sealed class ListCustomersValidator : AbstractValidator<ListCustomersQuery>
{
    public ListCustomersValidator()
    {
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Stage).IsInEnum();
        RuleFor(q => q.Limit).InclusiveBetween(1, PageLimits.Max);
        RuleFor(q => q.Sort).Must(s => s is null || CustomerSorts.All.Contains(s))
            .WithMessage(_ => CrmLocalization.OneOf(CustomerSorts.All));
        RuleFor(q => q.Cursor)
            .Must((q, cursor) => cursor is null || Cursor.TryDecode(cursor, q.Sort ?? CustomerSorts.CreatedAtDescending, out _))
            .WithMessage(_ => CrmLocalization.Message(ValidationMessageKeys.CursorInvalid));
    }
}

/// <summary>
/// Keyset pagination: each page continues strictly after the previous page's last (sort key, id),
/// so rows inserted or removed meanwhile never make a page skip or repeat an existing row.
/// "createdAt" sorts by id, which is a time-ordered UUID v7.
/// </summary>
internal sealed class ListCustomersHandler(CustomersDbContext db, ICurrentUser currentUser, IMapper mapper)
    : IQueryHandler<ListCustomersQuery, Result<Page<CustomerDto>>>
{
    public async ValueTask<Result<Page<CustomerDto>>> Handle(ListCustomersQuery query, CancellationToken cancellationToken)
    {
        var sort = query.Sort ?? CustomerSorts.CreatedAtDescending;
        var limit = query.Limit ?? PageLimits.Default;
        var customers = Filter(db.Customers.AsNoTracking().VisibleTo(currentUser), query);
        Cursor.TryDecode(query.Cursor, sort, out var after);
        var ordered = Order(customers, sort, after);

        var rows = await ordered.Take(limit + 1).ProjectTo<CustomerDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken);
        return Page.FromOverfetch(rows, limit, last => new Cursor(sort, sort is CustomerSorts.Name or CustomerSorts.NameDescending ? last.Name : null, last.Id));
    }

    private static IQueryable<Customer> Filter(IQueryable<Customer> customers, ListCustomersQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            customers = customers.Matching(query.Q);
        }

        if (query.Stage is { } stage)
        {
            customers = customers.Where(c => c.Stage == stage);
        }

        if (query.OwnerId is { } ownerId)
        {
            customers = customers.Where(c => c.OwnerId == ownerId);
        }

        return customers;
    }

    // string.Compare here is translated to SQL, where the column's collation orders names, as ORDER BY does.
#pragma warning disable CA1309
    private static IQueryable<Customer> Order(IQueryable<Customer> customers, string sort, Cursor? after) => sort switch
    {
        CustomerSorts.CreatedAt => (after is null ? customers : customers.Where(c => c.Id.CompareTo(after.Id) > 0))
            .OrderBy(c => c.Id),
        CustomerSorts.Name => (after is null ? customers : customers.Where(c =>
                string.Compare(c.Name, after.Key) > 0 || (c.Name == after.Key && c.Id.CompareTo(after.Id) > 0)))
            .OrderBy(c => c.Name).ThenBy(c => c.Id),
        CustomerSorts.NameDescending => (after is null ? customers : customers.Where(c =>
                string.Compare(c.Name, after.Key) < 0 || (c.Name == after.Key && c.Id.CompareTo(after.Id) < 0)))
            .OrderByDescending(c => c.Name).ThenByDescending(c => c.Id),
        _ => (after is null ? customers : customers.Where(c => c.Id.CompareTo(after.Id) < 0))
            .OrderByDescending(c => c.Id),
    };
#pragma warning restore CA1309
}

internal static class ListCustomersEndpoint
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapGet("/", async (
                    string? q,
                    string? stage,
                    Guid? ownerId,
                    string? sort,
                    string? cursor,
                    int? limit,
                    IMediator mediator,
                    CancellationToken cancellationToken) =>
                QueryValues.TryParseEnum<CustomerStage>(stage, "stage", out var stageFilter, out var invalidStage)
                    ? (await mediator.Send(new ListCustomersQuery(q, stageFilter, ownerId, sort, cursor, limit), cancellationToken)).ToHttp(TypedResults.Ok)
                    : Problems.From(invalidStage))
            .AllowQuery("q", "stage", "ownerId", "sort", "cursor", "limit")
            .WithName("Customers_List")
            .WithSummary("List the customers you may see: search (q), filter (stage: prospect|intent|customer|loyal; ownerId), keyset pages")
            .Produces<Page<CustomerDto>>()
            .ProducesValidationProblem();
}
