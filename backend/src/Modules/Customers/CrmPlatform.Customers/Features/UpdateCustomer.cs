using AutoMapper;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
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

/// <summary>Full replacement of the editable fields (PUT semantics).</summary>
/// <param name="ExpectedVersion">From If-Match: the version the client last read.</param>
public sealed record UpdateCustomerCommand(Guid Id, uint ExpectedVersion, CustomerInput Customer) : ICommand<Result<CustomerDto>>;

internal sealed class UpdateCustomerValidator : AbstractValidator<UpdateCustomerCommand>
{
    public UpdateCustomerValidator(TimeProvider clock) => RuleFor(c => c.Customer).SetValidator(new CustomerInputValidator(clock)).AtBodyRoot();
}

internal sealed class UpdateCustomerHandler(
    CustomersDbContext db, ICurrentUser currentUser, OwnershipMoves moves, CustomerViews views, SettingsCache settings, TimeProvider clock, IMapper mapper)
    : ICommandHandler<UpdateCustomerCommand, Result<CustomerDto>>
{
    public async ValueTask<Result<CustomerDto>> Handle(UpdateCustomerCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, currentUser, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var customer = found.Value;
        var now = clock.GetDatabaseUtcNow();
        var renamed = customer.Describe(command.Customer.Details, now);
        customer.ApplyLoyalty((await settings.GetAsync(db, cancellationToken)).Loyalty, now);

        // A new owner in the body is a transfer, with a transfer's rules and history.
        if (command.Customer.OwnerId is { } requested && requested != customer.OwnerId)
        {
            if (!moves.CallerMayTransfer)
            {
                return OwnershipMoves.Forbidden;
            }

            var owner = await moves.ResolveAsync(requested, cancellationToken);
            if (!owner.IsSuccess)
            {
                return owner.Error;
            }

            moves.Move(customer, owner.Value, OwnershipChangeKind.Transfer, reason: null, now);
        }

        // Published once the customer is as it will be saved: a copy applies whichever event of the same moment it sees first.
        if (renamed)
        {
            db.Publish(new CustomerRenamed(Guid.CreateVersion7(now), now, customer.Id, customer.Name, customer.OwnerId, customer.TeamId));
        }

        await db.SaveChangesAsync(cancellationToken);
        return await views.CompleteAsync(mapper.Map<CustomerDto>(customer), cancellationToken);
    }
}

internal static class UpdateCustomerEndpoint
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapPut("/{id:guid}", (
                    Guid id,
                    CustomerInput body,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new UpdateCustomerCommand(id, expected, body), cancellationToken), customer => customer.Version))
            .WithName("Customers_Update")
            .WithSummary("Replace a customer's fields; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
