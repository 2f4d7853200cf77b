using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.Deals.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CrmPlatform.Deals.Features;

/// <summary>New terms for an open deal (PUT semantics: the lines given replace the lines it had).</summary>
/// <param name="ExpectedVersion">From If-Match: the version the client last read.</param>
public sealed record UpdateDealCommand(Guid Id, uint ExpectedVersion, DealInput Deal) : ICommand<Result<DealDto>>;

internal sealed class UpdateDealValidator : AbstractValidator<UpdateDealCommand>
{
    public UpdateDealValidator() => RuleFor(c => c.Deal).SetValidator(new DealInputValidator()).AtBodyRoot();
}

internal sealed class UpdateDealHandler(DealsDbContext db, DealTerms terms, DealViews views, TimeProvider clock)
    : ICommandHandler<UpdateDealCommand, Result<DealDto>>
{
    public async ValueTask<Result<DealDto>> Handle(UpdateDealCommand command, CancellationToken cancellationToken)
    {
        var found = await views.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (deal, input) = (found.Value, command.Deal);
        if (input.CustomerId != deal.CustomerId)
        {
            return Error.Unprocessable("deal.customer_fixed", "customerId", "A deal stays with its customer: open a new deal for another one.");
        }

        var lines = await terms.LinesAsync(input, cancellationToken);
        if (!lines.IsSuccess)
        {
            return lines.Error;
        }

        Result<(Guid Id, Guid? TeamId)> owner = input.OwnerId is null || input.OwnerId == deal.OwnerId
            ? (deal.OwnerId, deal.TeamId)
            : await terms.OwnerAsync(input.OwnerId, deal.Customer, cancellationToken);
        if (!owner.IsSuccess)
        {
            return owner.Error;
        }

        var now = clock.GetDatabaseUtcNow();
        if ((deal.Describe(input.Details, lines.Value, now) ?? DealTerms.CheckAmount(input, deal)) is { } problem)
        {
            return problem;
        }

        deal.AssignTo(owner.Value.Id, owner.Value.TeamId, now);
        await db.SaveChangesAsync(cancellationToken);
        return await views.FindAsync(deal.Id, cancellationToken) is { } updated ? updated : Error.NotFound("deal", deal.Id);
    }
}

internal static class UpdateDealEndpoint
{
    public static void Map(IEndpointRouteBuilder deals) =>
        deals.MapPut("/{id:guid}", (
                    Guid id,
                    DealInput body,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new UpdateDealCommand(id, expected, body), cancellationToken), deal => deal.Version))
            .WithName("Deals_Update")
            .WithSummary("Replace an open deal's terms and lines; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
