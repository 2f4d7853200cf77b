using System.ComponentModel.DataAnnotations;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

/// <summary>A product of the catalogue as a client writes it.</summary>
/// <param name="Spec">规格, e.g. "500ml×12".</param>
/// <param name="ListPrice">Yuan per unit, to the fen.</param>
/// <param name="Cost">What one unit costs us, to the fen; omitted while unknown (margins are then unknown).</param>
public sealed record ProductInput(
    [property: MaxLength(ProductLimits.Name)] string Name,
    [property: MaxLength(ProductLimits.Spec)] string? Spec,
    [property: MaxLength(ProductLimits.Unit)] string? Unit,
    [property: MaxLength(ProductLimits.Category)] string? Category,
    decimal ListPrice,
    decimal? Cost)
{
    internal ProductDetails Details => new(Name, Spec, Unit, Category, ListPrice, Cost);
}

/// <param name="Currency">What the prices are in (CNY).</param>
/// <param name="ArchivedAt">Set when the product left the catalogue: kept on the deals that sold it, gone from the pickers.</param>
/// <param name="Version">Row version; the ETag header is this number in quotes.</param>
public sealed record ProductDto(
    Guid Id, string Name, string? Spec, string? Unit, string? Category, decimal ListPrice, decimal? Cost, string Currency, DateTimeOffset? ArchivedAt, uint Version);

internal sealed class ProductMappings : Profile
{
    public ProductMappings() => CreateMap<Product, ProductDto>().ForCtorParam(nameof(ProductDto.Currency), o => o.MapFrom(_ => Money.Currency));
}

internal sealed class ProductInputValidator : AbstractValidator<ProductInput>
{
    public ProductInputValidator()
    {
        RuleFor(p => p.Name).NotEmpty().MaximumLength(ProductLimits.Name);
        RuleFor(p => p.Spec).MaximumLength(ProductLimits.Spec);
        RuleFor(p => p.Unit).MaximumLength(ProductLimits.Unit);
        RuleFor(p => p.Category).MaximumLength(ProductLimits.Category);
        RuleFor(p => p.ListPrice).MoneyAmount();
        RuleFor(p => p.Cost).MoneyAmount();
    }
}

public sealed record CreateProductCommand(ProductInput Product) : ICommand<Result<ProductDto>>;

public sealed record UpdateProductCommand(Guid Id, uint ExpectedVersion, ProductInput Product) : ICommand<Result<ProductDto>>;

public sealed record ArchiveProductCommand(Guid Id, uint ExpectedVersion) : ICommand<Result<ProductDto>>;

public sealed record GetProductQuery(Guid Id) : IQuery<Result<ProductDto>>;

/// <summary>The query string of <c>GET /products</c>.</summary>
/// <param name="Q">Part of the name or the spec (any case).</param>
/// <param name="Category">Exactly this category (any case).</param>
/// <param name="IncludeArchived">Archived products too (false when omitted).</param>
/// <param name="Cursor">The nextCursor of the previous page, unchanged.</param>
/// <param name="Limit">Rows per page, 1 to 200; 50 when omitted.</param>
public sealed record ListProductsQuery(string? Q, string? Category, bool? IncludeArchived, string? Cursor, int? Limit) : IQuery<Result<Page<ProductDto>>>;

internal sealed class CreateProductValidator : AbstractValidator<CreateProductCommand>
{
    public CreateProductValidator() => RuleFor(c => c.Product).SetValidator(new ProductInputValidator()).AtBodyRoot();
}

internal sealed class UpdateProductValidator : AbstractValidator<UpdateProductCommand>
{
    public UpdateProductValidator() => RuleFor(c => c.Product).SetValidator(new ProductInputValidator()).AtBodyRoot();
}

internal sealed class ListProductsValidator : AbstractValidator<ListProductsQuery>
{
    public const string Sort = "products";

    public ListProductsValidator()
    {
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Category).MaximumLength(ProductLimits.Category);
        RuleFor(q => q.Limit).PageLimit();
        RuleFor(q => q.Cursor).CursorOf(_ => Sort);
    }
}

internal sealed class CreateProductHandler(DealsDbContext db, TimeProvider clock, IMapper mapper) : ICommandHandler<CreateProductCommand, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        var product = Product.Create(command.Product.Details, clock.GetDatabaseUtcNow());
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<ProductDto>(product);
    }
}

internal sealed class UpdateProductHandler(DealsDbContext db, TimeProvider clock, IMapper mapper) : ICommandHandler<UpdateProductCommand, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(UpdateProductCommand command, CancellationToken cancellationToken)
    {
        var found = await ProductChange.LoadAsync(db, command.Id, command.ExpectedVersion, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        found.Value.Describe(command.Product.Details, clock.GetDatabaseUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<ProductDto>(found.Value);
    }
}

internal sealed class ArchiveProductHandler(DealsDbContext db, TimeProvider clock, IMapper mapper) : ICommandHandler<ArchiveProductCommand, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(ArchiveProductCommand command, CancellationToken cancellationToken)
    {
        var found = await ProductChange.LoadAsync(db, command.Id, command.ExpectedVersion, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        found.Value.Archive(clock.GetDatabaseUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<ProductDto>(found.Value);
    }
}

internal static class ProductChange
{
    /// <summary>A product still in the catalogue (else 404), at the version the caller last read (else 412).</summary>
    public static async Task<Result<Product>> LoadAsync(DealsDbContext db, Guid id, uint expectedVersion, CancellationToken cancellationToken)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id && p.ArchivedAt == null, cancellationToken);
        return product is null ? Error.NotFound("product", id) : product.Version == expectedVersion ? product : Error.StaleVersion;
    }
}

internal sealed class GetProductHandler(DealsDbContext db, IMapper mapper) : IQueryHandler<GetProductQuery, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(GetProductQuery query, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().Where(p => p.Id == query.Id).ProjectTo<ProductDto>(mapper.ConfigurationProvider).SingleOrDefaultAsync(cancellationToken)
            is { } product
            ? product
            : Error.NotFound("product", query.Id);
}

/// <summary>The catalogue by name (then id), for the pickers and the products page.</summary>
internal sealed class ListProductsHandler(DealsDbContext db, IMapper mapper) : IQueryHandler<ListProductsQuery, Result<Page<ProductDto>>>
{
    public async ValueTask<Result<Page<ProductDto>>> Handle(ListProductsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? PageLimits.Default;
        Cursor.TryDecode(query.Cursor, ListProductsValidator.Sort, out var after);
        var products = db.Products.AsNoTracking();
        if (query.IncludeArchived != true)
        {
            products = products.Where(p => p.ArchivedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var part = Like.Contains(query.Q);
            products = products.Where(p => EF.Functions.ILike(p.Name, part, Like.EscapeCharacter) || EF.Functions.ILike(p.Spec!, part, Like.EscapeCharacter));
        }

        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            var category = Like.Exactly(query.Category);
            products = products.Where(p => EF.Functions.ILike(p.Category!, category, Like.EscapeCharacter));
        }

        var rows = await products.PageAfter(p => p.Name, p => p.Id, descending: false, after).Take(limit + 1)
            .ProjectTo<ProductDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken);
        return Page.FromOverfetch(rows, limit, last => new Cursor(ListProductsValidator.Sort, last.Name, last.Id));
    }
}

internal static class ProductEndpoints
{
    /// <summary>Who keeps the catalogue: managers, directors and admins; everyone reads it.</summary>
    private static readonly string[] Keepers = [Roles.Manager, Roles.Director, Roles.Admin];

    public static void Map(IEndpointRouteBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Products");

        products.MapGet("/", async ([AsParameters] ListProductsQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Products_List")
            .WithSummary("The product catalogue by name: search (q), category, archived ones on request, keyset pages")
            .ProducesValidationProblem();

        products.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new GetProductQuery(id), cancellationToken)).ToHttp(product =>
                {
                    response.SetETag(product.Version);
                    return TypedResults.Ok(product);
                }))
            .WithName("Products_Get")
            .WithSummary("One product; the ETag header is its version")
            .ProducesProblem(StatusCodes.Status404NotFound);

        products.MapPost("/", async (ProductInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new CreateProductCommand(body), cancellationToken)).ToHttp(product =>
                {
                    response.SetETag(product.Version);
                    return TypedResults.Created($"/api/v1/products/{product.Id}", product);
                }))
            .RequireAuthorization(policy => policy.RequireRole(Keepers))
            .RejectUnknownQuery()
            .WithName("Products_Create")
            .WithSummary("Add a product to the catalogue (managers, directors, admins)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        products.MapPut("/{id:guid}", (Guid id, ProductInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new UpdateProductCommand(id, expected, body), cancellationToken), product => product.Version))
            .RequireAuthorization(policy => policy.RequireRole(Keepers))
            .WithName("Products_Update")
            .WithSummary("Change a product (managers, directors, admins); deals already written keep what they sold; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        products.MapPost("/{id:guid}/archive", ([FromRoute] Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new ArchiveProductCommand(id, expected), cancellationToken), product => product.Version))
            .RequireAuthorization(policy => policy.RequireRole(Keepers))
            .RejectUnknownQuery()
            .WithName("Products_Archive")
            .WithSummary("Take a product out of the catalogue (managers, directors, admins): deals keep it, pickers no longer offer it; requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }
}
