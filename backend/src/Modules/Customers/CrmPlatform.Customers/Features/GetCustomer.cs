using AutoMapper;
using AutoMapper.QueryableExtensions;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Persistence;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

public sealed record GetCustomerQuery(Guid Id) : IQuery<Result<CustomerDto>>;

internal sealed class GetCustomerHandler(CustomersDbContext db, ICurrentUser currentUser, IMapper mapper)
    : IQueryHandler<GetCustomerQuery, Result<CustomerDto>>
{
    public async ValueTask<Result<CustomerDto>> Handle(GetCustomerQuery query, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking()
            .VisibleTo(currentUser)
            .Where(c => c.Id == query.Id)
            .ProjectTo<CustomerDto>(mapper.ConfigurationProvider)
            .SingleOrDefaultAsync(cancellationToken);
        return customer is null ? Error.NotFound("customer", query.Id) : customer;
    }
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
            .Produces<CustomerDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
