using AutoMapper;
using AutoMapper.QueryableExtensions;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

/// <summary>How a customer list is ordered; the id breaks ties, so pages never skip or repeat a row.</summary>
public enum CustomerSort
{
    /// <summary>Newest first (the default).</summary>
    CreatedAtDescending,
    CreatedAt,
    Name,
    NameDescending,
}

/// <summary>A value tier to filter by, or customers without one.</summary>
public enum ValueTierFilter
{
    A = ValueTier.A,
    B = ValueTier.B,
    C = ValueTier.C,
    Unrated,
}

/// <summary>What narrows a set of customers: the list's and the export's filters and order.</summary>
public interface ICustomerFilter
{
    string? Q { get; }

    QueryEnum<CustomerStage>? Stage { get; }

    Guid? OwnerId { get; }

    QueryEnum<Importance>? Importance { get; }

    QueryEnum<PriorityTier>? PriorityTier { get; }

    int? RelationshipLevel { get; }

    string? Region { get; }

    string? Industry { get; }

    QueryEnum<CustomerSource>? Source { get; }

    string? Tag { get; }

    QueryEnum<ContactDue>? Overdue { get; }

    QueryEnum<ValueTierFilter>? ValueTier { get; }

    QueryEnum<CustomerSort>? Sort { get; }
}

/// <summary>
/// The query string of <c>GET /customers</c>, bound with <c>[AsParameters]</c>: these members are the
/// only query parameters the endpoint accepts. A query adds nothing from the route or the caller, so
/// the parameters are the message itself.
/// </summary>
/// <param name="Q">Part of the name, company or any of the phones, or of a contact's name or phone (case-insensitive; one or two Chinese characters find names).</param>
/// <param name="RelationshipLevel">客情层次, 1 to 4.</param>
/// <param name="Region">The region, exactly as recorded (any case).</param>
/// <param name="Industry">The industry, exactly as recorded (any case).</param>
/// <param name="Tag">Customers carrying this tag (any case).</param>
/// <param name="Overdue">Customers overdue for a call, a visit, or either, by their tier's cadence.</param>
/// <param name="ValueTier">Customers of this value tier (the override, else the computed one), or unrated.</param>
/// <param name="Sort">Newest first when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page, unchanged.</param>
/// <param name="Limit">Rows per page, 1 to 200; 50 when omitted.</param>
public sealed record ListCustomersQuery(
    string? Q,
    QueryEnum<CustomerStage>? Stage,
    Guid? OwnerId,
    QueryEnum<Importance>? Importance,
    QueryEnum<PriorityTier>? PriorityTier,
    int? RelationshipLevel,
    string? Region,
    string? Industry,
    QueryEnum<CustomerSource>? Source,
    string? Tag,
    QueryEnum<ContactDue>? Overdue,
    QueryEnum<ValueTierFilter>? ValueTier,
    QueryEnum<CustomerSort>? Sort,
    string? Cursor,
    int? Limit) : IQuery<Result<Page<CustomerSummaryDto>>>, ICustomerFilter
{
    internal CustomerSort Order => Sort?.Value ?? CustomerSort.CreatedAtDescending;
}

/// <summary>
/// A customer as a list shows it: who, how classified, who owns it and when to contact it next. The
/// profile (personal notes, preferences, other phones) is left to <c>GET /customers/{id}</c>, so a page of
/// fifty carries what a table shows and nothing a rep wrote about someone's family.
/// </summary>
/// <param name="ValueTier">The value tier that stands: the override, else the computed one; none while unrated.</param>
/// <param name="LastInteractionAt">The latest timeline entry of any kind.</param>
/// <param name="LastContactedAt">The latest call that reached the customer, meeting or visit.</param>
/// <param name="LastVisitedAt">The latest meeting or visit.</param>
/// <param name="Version">Row version; the ETag header of the customer is this number in quotes.</param>
public sealed record CustomerSummaryDto(
    Guid Id,
    string Name,
    CustomerKind Kind,
    string? Phone,
    string? Company,
    string? Region,
    string? Industry,
    string[] Tags,
    CustomerStage Stage,
    Importance Importance,
    PriorityTier PriorityTier,
    int RelationshipLevel,
    ValueTier? ValueTier,
    Guid OwnerId,
    Guid? TeamId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastInteractionAt,
    DateTimeOffset? LastContactedAt,
    DateTimeOffset? LastVisitedAt,
    uint Version) : IContactHistory
{
    /// <summary>The owner's display name.</summary>
    public string? OwnerName { get; init; }

    /// <summary>Next call and visit due, overdue and stale, from the tier's cadence and the timeline.</summary>
    public CustomerCadenceDto? Cadence { get; init; }
}

internal sealed class CustomerSummaryMappings : Profile
{
    public CustomerSummaryMappings() => CreateMap<Customer, CustomerSummaryDto>()
        .ForCtorParam(nameof(CustomerSummaryDto.ValueTier), o => o.MapFrom(c => c.ValueTierOverride ?? (c.Rating != null ? c.Rating.Tier : (ValueTier?)null)))
        .ForActivity()
        // CustomerViews adds both: the name lives in the Identity module, the cadence needs the settings.
        .ForMember(d => d.OwnerName, o => o.Ignore())
        .ForMember(d => d.Cadence, o => o.Ignore());
}

internal sealed class CustomerFilterValidator : AbstractValidator<ICustomerFilter>
{
    public CustomerFilterValidator()
    {
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.RelationshipLevel).InclusiveBetween(CustomerLimits.LowestRelationshipLevel, CustomerLimits.HighestRelationshipLevel);
        RuleFor(q => q.Region).MaximumLength(CustomerLimits.ShortText);
        RuleFor(q => q.Industry).MaximumLength(CustomerLimits.ShortText);
        RuleFor(q => q.Tag).MaximumLength(CustomerLimits.Tag);
    }
}

internal sealed class ListCustomersValidator : AbstractValidator<ListCustomersQuery>
{
    public ListCustomersValidator()
    {
        Include(new CustomerFilterValidator());
        RuleFor(q => q.Limit).PageLimit();
        RuleFor(q => q.Cursor).CursorOf(q => q.Order.ToString());
    }
}

internal sealed class ListCustomersHandler(CustomersDbContext db, CustomerFilters filters, IMapper mapper, CustomerViews views)
    : IQueryHandler<ListCustomersQuery, Result<Page<CustomerSummaryDto>>>
{
    public async ValueTask<Result<Page<CustomerSummaryDto>>> Handle(ListCustomersQuery query, CancellationToken cancellationToken)
    {
        var sort = query.Order;
        var limit = query.Limit ?? PageLimits.Default;
        Cursor.TryDecode(query.Cursor, sort.ToString(), out var after);
        var found = await filters.ApplyAsync(db.Customers.AsNoTracking(), query, after, limit + 1, cancellationToken);
        var rows = await found.ProjectTo<CustomerSummaryDto>(mapper.ConfigurationProvider).ReadAsync(db, query.Q, cancellationToken);
        var page = Page.FromOverfetch(rows, limit, last => new Cursor(sort.ToString(), sort is CustomerSort.Name or CustomerSort.NameDescending ? last.Name : null, last.Id));
        return page with { Items = await views.CompleteAsync(page.Items, cancellationToken) };
    }
}

/// <summary>The customers a filter leaves of those the caller may see, in its order (after a page's last row, when given).</summary>
internal sealed class CustomerFilters(CustomersDbContext db, ICurrentUser currentUser, SettingsCache settings, TimeProvider clock)
{
    public async Task<IQueryable<Customer>> ApplyAsync(IQueryable<Customer> all, ICustomerFilter query, Cursor? after, int take, CancellationToken cancellationToken)
    {
        var customers = Filter(all.VisibleTo(currentUser), query);
        if (query.Overdue is { Value: var due })
        {
            customers = customers.Overdue(due, await settings.GetAsync(db, cancellationToken), ChinaTime.Today(clock));
        }

        var matching = customers.Matching(query.Q);
        var ordered = (query.Sort?.Value ?? CustomerSort.CreatedAtDescending) switch
        {
            CustomerSort.CreatedAt => matching.PageAfter(c => c.Id, descending: false, after),
            CustomerSort.Name => matching.PageAfter(c => c.Name, c => c.Id, descending: false, after),
            CustomerSort.NameDescending => matching.PageAfter(c => c.Name, c => c.Id, descending: true, after),
            _ => matching.PageAfter(c => c.Id, descending: true, after),
        };
        return ordered.Take(take);
    }

    private static IQueryable<Customer> Filter(IQueryable<Customer> customers, ICustomerFilter query)
    {
        if (query.Stage is { Value: var stage })
        {
            customers = customers.Where(c => c.Stage == stage);
        }

        if (query.OwnerId is { } ownerId)
        {
            customers = customers.Where(c => c.OwnerId == ownerId);
        }

        if (query.Importance is { Value: var importance })
        {
            customers = customers.Where(c => c.Importance == importance);
        }

        if (query.PriorityTier is { Value: var tier })
        {
            customers = customers.Where(c => c.PriorityTier == tier);
        }

        if (query.RelationshipLevel is { } level)
        {
            customers = customers.Where(c => c.RelationshipLevel == level);
        }

        if (query.Source is { Value: var source })
        {
            customers = customers.Where(c => c.Source == source);
        }

        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            var region = Like.Exactly(query.Region);
            customers = customers.Where(c => EF.Functions.ILike(c.Region!, region, Like.EscapeCharacter));
        }

        if (!string.IsNullOrWhiteSpace(query.Industry))
        {
            var industry = Like.Exactly(query.Industry);
            customers = customers.Where(c => EF.Functions.ILike(c.Industry!, industry, Like.EscapeCharacter));
        }

        if (query.ValueTier is { Value: ValueTierFilter.Unrated })
        {
            customers = customers.Where(c => c.ValueTierOverride == null && c.Rating == null);
        }
        else if (query.ValueTier is { Value: var filter })
        {
            var valueTier = (ValueTier)filter;
            customers = customers.Where(c => c.ValueTierOverride == valueTier || (c.ValueTierOverride == null && c.Rating != null && c.Rating.Tier == valueTier));
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim().ToLowerInvariant();
            customers = customers.Where(c => EF.Property<string[]>(c, CustomerSearch.TagKeysColumn).Contains(tag));
        }

        return customers;
    }
}

internal static class ListCustomersEndpoint
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapGet("/", async ([AsParameters] ListCustomersQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Customers_List")
            .WithSummary("List the customers you may see: search (q), filter (classification, region, industry, source, tag, owner, overdue), sort, keyset pages")
            .ProducesValidationProblem();
}
