using CrmPlatform.BuildingBlocks.Persistence;
using AutoMapper;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmPlatform.Customers.Features;

public sealed record CreateCustomerCommand(
    string Name,
    CustomerKind Kind,
    string? Phone,
    string? Email,
    string? Company,
    string? Position,
    string? Region,
    string? Industry,
    CustomerStage Stage,
    Guid? OwnerId) : ICommand<Result<CustomerDto>>, ICustomerFields;

internal sealed class CreateCustomerValidator : CustomerFieldsValidator<CreateCustomerCommand>;

internal sealed class CreateCustomerHandler(CustomersDbContext db, OwnerAssignment owners, TimeProvider clock, IMapper mapper)
    : ICommandHandler<CreateCustomerCommand, Result<CustomerDto>>
{
    public async ValueTask<Result<CustomerDto>> Handle(CreateCustomerCommand command, CancellationToken cancellationToken)
    {
        var owner = await owners.ResolveAsync(command.OwnerId, cancellationToken);
        if (!owner.IsSuccess)
        {
            return owner.Error;
        }

        var now = clock.GetDatabaseUtcNow();
        var customer = Customer.Create(command, owner.Value.Id, owner.Value.TeamId, now);
        db.Customers.Add(customer);
        db.Publish(new CustomerCreated(Guid.CreateVersion7(now), now, customer.Id, customer.Name, customer.OwnerId, customer.TeamId));
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CustomerDto>(customer);
    }
}

internal static class CreateCustomerEndpoint
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapPost("/", async (CreateCustomerCommand command, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(command, cancellationToken)).ToHttp(customer =>
                {
                    response.SetETag(customer.Version);
                    return TypedResults.Created($"/api/v1/customers/{customer.Id}", customer);
                }))
            .WithName("Customers_Create")
            .WithSummary("Create a customer (owned by the caller unless ownerId is given)")
            .Produces<CustomerDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
