using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

/// <summary>A stage of the pipeline, in the board's order.</summary>
/// <param name="Key">What deals and moves name it by.</param>
/// <param name="Name">Its name in Chinese (编制计划).</param>
/// <param name="EnglishName">Its name in English.</param>
/// <param name="Probability">Percent: a deal's chance of being won in this stage, unless the deal says otherwise.</param>
/// <param name="Phase">Open stages come first; winning a deal puts it in the first won stage.</param>
public sealed record PipelineStageDto(string Key, string Name, string EnglishName, int Position, int Probability, StagePhase Phase);

public sealed record ListStagesQuery : IQuery<Result<IReadOnlyList<PipelineStageDto>>>;

internal sealed class ListStagesHandler(DealsDbContext db) : IQueryHandler<ListStagesQuery, Result<IReadOnlyList<PipelineStageDto>>>
{
    public async ValueTask<Result<IReadOnlyList<PipelineStageDto>>> Handle(ListStagesQuery query, CancellationToken cancellationToken) =>
        Result<IReadOnlyList<PipelineStageDto>>.Success(await StageList.ReadAsync(db, cancellationToken));
}

internal static class StageList
{
    public static async Task<IReadOnlyList<PipelineStageDto>> ReadAsync(DealsDbContext db, CancellationToken cancellationToken) =>
        await db.Stages.AsNoTracking().OrderBy(s => s.Position)
            .Select(s => new PipelineStageDto(s.Key, s.Name, s.EnglishName, s.Position, s.Probability, s.Phase))
            .ToListAsync(cancellationToken);
}

internal static class StageEndpoints
{
    public static void Map(IEndpointRouteBuilder deals) =>
        deals.MapGet("/stages", async (IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new ListStagesQuery(), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("Deals_Stages")
            .WithSummary("The pipeline's stages in order, with their probabilities and phases");
}
