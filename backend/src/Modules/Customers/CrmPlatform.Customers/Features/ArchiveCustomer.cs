using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Persistence;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CrmPlatform.Customers.Features;

/// <summary>Soft delete: the archive keeps the record (and its history) but hides it everywhere.</summary>
public sealed record ArchiveCustomerCommand(Guid Id, uint ExpectedVersion) : ICommand<Result<Unit>>;

internal sealed class ArchiveCustomerHandler(CustomersDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ArchiveCustomerCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(ArchiveCustomerCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, currentUser, cancellationToken);
        if (!customer.IsSuccess)
        {
            return customer.Error;
        }

        var now = clock.GetDatabaseUtcNow();
        customer.Value.Archive(now);
        db.Publish(new CustomerArchived(Guid.CreateVersion7(now), now, customer.Value.Id, customer.Value.Name, customer.Value.OwnerId, customer.Value.TeamId));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class ArchiveCustomerEndpoint
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapDelete("/{id:guid}", (
                    Guid id,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    CancellationToken cancellationToken) =>
                ETags.ChangeWithoutBodyAsync(ifMatch, expected => mediator.Send(new ArchiveCustomerCommand(id, expected), cancellationToken)))
            .WithName("Customers_Archive")
            .WithSummary("Archive (soft-delete) a customer; requires If-Match")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
