using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using CrmPlatform.Identity.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

public sealed record GetDealQuery(Guid Id) : IQuery<Result<DealDto>>;

public sealed record DealStageHistoryQuery(Guid Id) : IQuery<Result<IReadOnlyList<DealStageChangeDto>>>;

/// <summary>One step of a deal's way through the pipeline.</summary>
/// <param name="FromStage">Null for the deal's creation.</param>
/// <param name="Status">What the deal was after the step: a win, a loss and a reopening are steps too.</param>
public sealed record DealStageChangeDto(string? FromStage, string ToStage, DealStatus Status, Guid ChangedBy, string? ChangedByName, DateTimeOffset ChangedAt);

internal sealed class GetDealHandler(DealViews views) : IQueryHandler<GetDealQuery, Result<DealDto>>
{
    public async ValueTask<Result<DealDto>> Handle(GetDealQuery query, CancellationToken cancellationToken) =>
        await views.FindAsync(query.Id, cancellationToken) is { } deal ? deal : Error.NotFound("deal", query.Id);
}

/// <summary>The deal's stage history, oldest first: who moved it where, and when.</summary>
internal sealed class DealStageHistoryHandler(DealsDbContext db, DealViews views, IUserDirectory users)
    : IQueryHandler<DealStageHistoryQuery, Result<IReadOnlyList<DealStageChangeDto>>>
{
    public async ValueTask<Result<IReadOnlyList<DealStageChangeDto>>> Handle(DealStageHistoryQuery query, CancellationToken cancellationToken)
    {
        if (!await views.CanSeeAsync(query.Id, cancellationToken))
        {
            return Error.NotFound("deal", query.Id);
        }

        var steps = await db.StageChanges.AsNoTracking().Where(c => c.DealId == query.Id).OrderBy(c => c.ChangedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync([.. steps.Select(s => s.ChangedBy).Distinct()], cancellationToken);
        return steps.Select(s => new DealStageChangeDto(s.FromStage, s.ToStage, s.Status, s.ChangedBy, names.GetValueOrDefault(s.ChangedBy), s.ChangedAt)).ToList();
    }
}

internal static class GetDealEndpoints
{
    public static void Map(IEndpointRouteBuilder deals)
    {
        deals.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new GetDealQuery(id), cancellationToken)).ToHttp(deal =>
                {
                    response.SetETag(deal.Version);
                    return TypedResults.Ok(deal);
                }))
            .WithName("Deals_Get")
            .WithSummary("One deal with its lines; the ETag header is its version")
            .ProducesProblem(StatusCodes.Status404NotFound);

        deals.MapGet("/{id:guid}/stage-history", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new DealStageHistoryQuery(id), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("Deals_StageHistory")
            .WithSummary("The deal's way through the pipeline, oldest first: each stage, win, loss and reopening with who and when")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
