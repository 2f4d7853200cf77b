using AutoMapper;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

public sealed record GetCustomerQuery(Guid Id) : IQuery<Result<CustomerDto>>;

internal sealed class GetCustomerHandler(CustomersDbContext db, ICurrentUser currentUser, CustomerById customerById, CustomerViews views)
    : IQueryHandler<GetCustomerQuery, Result<CustomerDto>>
{
    public async ValueTask<Result<CustomerDto>> Handle(GetCustomerQuery query, CancellationToken cancellationToken)
    {
        var customer = await customerById.Query.ExecuteAsync(db, currentUser, query.Id, cancellationToken);
        return customer is null ? await NotFoundAsync(query.Id, cancellationToken) : await views.CompleteAsync(customer, cancellationToken);
    }

    /// <summary>A merged customer's address names the survivor, to whoever could see both.</summary>
    private async Task<Error> NotFoundAsync(Guid id, CancellationToken cancellationToken)
    {
        var survivorId = await db.Customers.IgnoreQueryFilters().AsNoTracking().VisibleTo(currentUser)
            .Where(c => c.Id == id && c.ArchivedAt == null && c.MergedIntoId != null)
            .Select(c => c.MergedIntoId)
            .SingleOrDefaultAsync(cancellationToken);
        return survivorId is { } survivor && await db.Customers.AsNoTracking().VisibleTo(currentUser).AnyAsync(c => c.Id == survivor, cancellationToken)
            ? MergedCustomerProblem.Of(id, survivor)
            : Error.NotFound("customer", id);
    }
}

/// <summary>The compiled read behind a get by id: the hottest request of the module (ADR 0012).</summary>
internal sealed class CustomerById(IMapper mapper)
{
    public CompiledScopedQuery<CustomersDbContext, Customer, Guid, CustomerDto> Query { get; } = new(
        db => db.Customers.AsNoTracking(),
        (customers, id) => customers.Where(c => c.Id == id),
        mapper.ConfigurationProvider);
}

internal static class GetCustomerEndpoint
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new GetCustomerQuery(id), cancellationToken)).ToHttp(customer =>
                {
                    response.SetETag(customer.Version);
                    return TypedResults.Ok(customer);
                }))
            .WithName("Customers_Get")
            .WithSummary("Get one customer; the ETag header is its version")
            .Produces<MergedCustomerProblem>(StatusCodes.Status404NotFound, "application/problem+json");
}
