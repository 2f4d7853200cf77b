using CrmPlatform.BuildingBlocks.Persistence;
using System.Text.Json.Serialization;
using AutoMapper;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CrmPlatform.Customers.Features;

/// <summary>Full replacement of the editable fields (PUT semantics).</summary>
public sealed record UpdateCustomerCommand(
    string Name,
    CustomerKind Kind,
    string? Phone,
    string? Email,
    string? Company,
    string? Position,
    string? Region,
    string? Industry,
    CustomerStage Stage,
    Guid? OwnerId) : ICommand<Result<CustomerDto>>, ICustomerFields
{
    [JsonIgnore]
    public Guid Id { get; init; }

    /// <summary>From If-Match: the version the client last read.</summary>
    [JsonIgnore]
    public uint ExpectedVersion { get; init; }
}

internal sealed class UpdateCustomerValidator : CustomerFieldsValidator<UpdateCustomerCommand>;

internal sealed class UpdateCustomerHandler(CustomersDbContext db, ICurrentUser currentUser, OwnerAssignment owners, TimeProvider clock, IMapper mapper)
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
        var ownerId = customer.OwnerId;
        var teamId = customer.TeamId;
        if (command.OwnerId is { } requested && requested != customer.OwnerId)
        {
            var owner = await owners.ResolveAsync(requested, cancellationToken);
            if (!owner.IsSuccess)
            {
                return owner.Error;
            }

            (ownerId, teamId) = (owner.Value.Id, owner.Value.TeamId);
        }

        customer.Apply(command, ownerId, teamId, clock.GetDatabaseUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CustomerDto>(customer);
    }
}

internal static class UpdateCustomerEndpoint
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapPut("/{id:guid}", async (
                    Guid id,
                    UpdateCustomerCommand command,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken) =>
            {
                var expected = ETags.ParseIfMatch(ifMatch);
                if (!expected.IsSuccess)
                {
                    return Problems.From(expected.Error);
                }

                var result = await mediator.Send(command with { Id = id, ExpectedVersion = expected.Value }, cancellationToken);
                return result.ToHttp(customer =>
                {
                    response.SetETag(customer.Version);
                    return TypedResults.Ok(customer);
                });
            })
            .WithName("Customers_Update")
            .WithSummary("Replace a customer's fields; requires If-Match")
            .Produces<CustomerDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
