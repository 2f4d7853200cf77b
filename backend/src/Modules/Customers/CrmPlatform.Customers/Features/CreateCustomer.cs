using AutoMapper;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CrmPlatform.Customers.Features;

/// <param name="ConfirmDuplicate">Create it even when it looks like an existing customer (otherwise 409 with the candidates).</param>
public sealed record CreateCustomerCommand(CustomerInput Customer, bool ConfirmDuplicate) : ICommand<Result<CustomerDto>>;

internal sealed class CreateCustomerValidator : AbstractValidator<CreateCustomerCommand>
{
    public CreateCustomerValidator(TimeProvider clock) => RuleFor(c => c.Customer).SetValidator(new CustomerInputValidator(clock)).AtBodyRoot();
}

internal sealed class CreateCustomerHandler(
    CustomersDbContext db, OwnerAssignment owners, DuplicateFinder duplicates, CustomerViews views, SettingsCache settings, TimeProvider clock, IMapper mapper)
    : ICommandHandler<CreateCustomerCommand, Result<CustomerDto>>
{
    public async ValueTask<Result<CustomerDto>> Handle(CreateCustomerCommand command, CancellationToken cancellationToken)
    {
        var owner = await owners.ResolveAsync(command.Customer.OwnerId, cancellationToken);
        if (!owner.IsSuccess)
        {
            return owner.Error;
        }

        var now = clock.GetDatabaseUtcNow();
        var customer = Customer.Create(command.Customer.Details, owner.Value.Id, owner.Value.TeamId, now);
        customer.ApplyLoyalty((await settings.GetAsync(db, cancellationToken)).Loyalty, now);
        if (!command.ConfirmDuplicate && await duplicates.FindAsync(customer, cancellationToken) is { Any: true } found)
        {
            return PossibleDuplicatesProblem.Of(found);
        }

        db.Customers.Add(customer);
        db.Publish(new CustomerCreated(Guid.CreateVersion7(now), now, customer.Id, customer.Name, customer.OwnerId, customer.TeamId));
        await db.SaveChangesAsync(cancellationToken);
        return await views.CompleteAsync(mapper.Map<CustomerDto>(customer), cancellationToken);
    }
}

internal static class CreateCustomerEndpoint
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapPost("/", async (CustomerInput body, [FromQuery] bool? confirmDuplicate, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new CreateCustomerCommand(body, confirmDuplicate ?? false), cancellationToken)).ToHttp(customer =>
                {
                    response.SetETag(customer.Version);
                    return TypedResults.Created($"/api/v1/customers/{customer.Id}", customer);
                }))
            .RejectUnknownQuery()
            .WithName("Customers_Create")
            .WithSummary("Create a customer (owned by the caller unless ownerId is given); one that looks like an existing customer is a 409 with the candidates unless confirmDuplicate=true")
            .ProducesValidationProblem()
            .Produces<PossibleDuplicatesProblem>(StatusCodes.Status409Conflict, "application/problem+json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
