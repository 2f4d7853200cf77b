using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Contracts.Following;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

public sealed record CreateDealCommand(DealInput Deal) : ICommand<Result<DealDto>>;

internal sealed class CreateDealValidator : AbstractValidator<CreateDealCommand>
{
    public CreateDealValidator() => RuleFor(c => c.Deal).SetValidator(new DealInputValidator()).AtBodyRoot();
}

/// <summary>A new deal starts in the pipeline's first stage, on a customer the caller can see, owned by the customer's owner unless the body says.</summary>
internal sealed class CreateDealHandler(
    DealsDbContext db, ICustomerDirectory customers, DealTerms terms, DealViews views, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateDealCommand, Result<DealDto>>
{
    public async ValueTask<Result<DealDto>> Handle(CreateDealCommand command, CancellationToken cancellationToken)
    {
        var input = command.Deal;
        var found = await customers.FindVisibleAsync([input.CustomerId], cancellationToken);
        if (!found.TryGetValue(input.CustomerId, out var customer))
        {
            return Error.Unprocessable("deal.customer_unknown", "customerId", $"No customer '{input.CustomerId}' exists that you can see.");
        }

        var scope = await CustomerCopies.LockAsync(db, customer, cancellationToken);
        var owner = await terms.OwnerAsync(input.OwnerId, scope, cancellationToken);
        if (!owner.IsSuccess)
        {
            return owner.Error;
        }

        var lines = await terms.LinesAsync(input, cancellationToken);
        if (!lines.IsSuccess)
        {
            return lines.Error;
        }

        var firstStage = await db.Stages.AsNoTracking().OrderBy(s => s.Position).Select(s => s.Key).FirstAsync(cancellationToken);
        var now = clock.GetDatabaseUtcNow();
        var deal = Deal.Create(scope, input.Details, lines.Value, owner.Value.Id, owner.Value.TeamId, firstStage, currentUser.Id, now);
        if (DealTerms.CheckAmount(input, deal) is { } problem)
        {
            return problem;
        }

        db.Deals.Add(deal);
        await db.SaveChangesAsync(cancellationToken);
        return await views.FindAsync(deal.Id, cancellationToken) is { } created ? created : Error.NotFound("deal", deal.Id);
    }
}

internal static class CreateDealEndpoint
{
    public static void Map(IEndpointRouteBuilder deals) =>
        deals.MapPost("/", async (DealInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new CreateDealCommand(body), cancellationToken)).ToHttp(deal =>
                {
                    response.SetETag(deal.Version);
                    return TypedResults.Created($"/api/v1/deals/{deal.Id}", deal);
                }))
            .RejectUnknownQuery()
            .WithName("Deals_Create")
            .WithSummary("Open a deal on a customer you can see, in the pipeline's first stage; owned by the customer's owner unless ownerId is given")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
