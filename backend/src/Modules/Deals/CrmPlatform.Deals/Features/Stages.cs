using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
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

/// <summary>The pipeline: its stages in order, and the version a change must name (If-Match).</summary>
/// <param name="Version">Changes whenever a stage does; the ETag header is this number in quotes.</param>
public sealed record PipelineDto(IReadOnlyList<PipelineStageDto> Stages, uint Version);

/// <summary>A stage as an admin writes it.</summary>
/// <param name="Key">camelCase letters and digits, starting with a letter (e.g. <c>trial</c>); an existing stage keeps its key.</param>
/// <param name="Probability">Percent, 0 to 100.</param>
public sealed record PipelineStageInput(
    [property: MaxLength(StageLimits.Key)] string Key,
    [property: MaxLength(StageLimits.Name)] string Name,
    [property: MaxLength(StageLimits.Name)] string EnglishName,
    int Probability,
    StagePhase Phase);

/// <summary>The whole pipeline, in the board's order: the open stages, then the won ones.</summary>
public sealed record PipelineInput([property: MaxLength(StageLimits.MaxStages)] IReadOnlyList<PipelineStageInput> Stages);

public sealed record GetPipelineQuery : IQuery<Result<PipelineDto>>;

public sealed record ChangePipelineCommand(uint ExpectedVersion, PipelineInput Pipeline) : ICommand<Result<PipelineDto>>;

internal sealed class ChangePipelineValidator : AbstractValidator<ChangePipelineCommand>
{
    public ChangePipelineValidator() => RuleFor(c => c.Pipeline).ChildRules(pipeline =>
    {
        pipeline.RuleFor(p => p.Stages).NotNull().DependentRules(() =>
        {
            pipeline.RuleFor(p => p.Stages.Count).InclusiveBetween(2, StageLimits.MaxStages).OverridePropertyName("stages");
            pipeline.RuleForEach(p => p.Stages).NotNull().ChildRules(stage =>
            {
                stage.RuleFor(s => s.Key).NotEmpty().MaximumLength(StageLimits.Key).Matches("^[a-z][a-zA-Z0-9]*$")
                    .WithMessage("A key is camelCase letters and digits, starting with a small letter.");
                stage.RuleFor(s => s.Name).NotEmpty().MaximumLength(StageLimits.Name);
                stage.RuleFor(s => s.EnglishName).NotEmpty().MaximumLength(StageLimits.Name);
                stage.RuleFor(s => s.Probability).InclusiveBetween(0, 100);
                stage.RuleFor(s => s.Phase).IsInEnum();
            });
            pipeline.RuleFor(p => p.Stages).Must(stages => stages.Select(s => s?.Key).Distinct(StringComparer.Ordinal).Count() == stages.Count)
                .WithMessage("Each stage needs a key of its own.");
            pipeline.RuleFor(p => p.Stages).Must(stages => stages.Any(s => s?.Phase == StagePhase.Open) && stages.Any(s => s?.Phase == StagePhase.Won))
                .WithMessage("A pipeline needs an open stage to work deals in and a won stage to win them into.");
            pipeline.RuleFor(p => p.Stages)
                .Must(stages => stages.SkipWhile(s => s?.Phase == StagePhase.Open).All(s => s?.Phase == StagePhase.Won))
                .WithMessage("The open stages come first, then the won ones.");
        });
    }).AtBodyRoot();
}

internal sealed class GetPipelineHandler(DealsDbContext db) : IQueryHandler<GetPipelineQuery, Result<PipelineDto>>
{
    public async ValueTask<Result<PipelineDto>> Handle(GetPipelineQuery query, CancellationToken cancellationToken) =>
        StageList.Pipeline(await StageList.ReadAsync(db, cancellationToken));
}

/// <summary>
/// Replaces the pipeline: stages keep their keys (and their deals), new keys are new stages, and a stage left out is
/// removed, which only an empty stage can be. A stage may not change phase under deals of the other phase.
/// </summary>
internal sealed class ChangePipelineHandler(DealsDbContext db) : ICommandHandler<ChangePipelineCommand, Result<PipelineDto>>
{
    public async ValueTask<Result<PipelineDto>> Handle(ChangePipelineCommand command, CancellationToken cancellationToken)
    {
        // Two admins saving at once take turns: the second one's version no longer matches.
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE deals.pipeline_stages IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        var current = await StageList.ReadAsync(db, cancellationToken);
        if (StageList.Pipeline(current).Version != command.ExpectedVersion)
        {
            return Error.StaleVersion;
        }

        var wanted = command.Pipeline.Stages;
        var stages = await db.Stages.ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken);
        string[] removed = [.. stages.Keys.Except(wanted.Select(s => s.Key), StringComparer.Ordinal)];
        var inUse = await db.Deals.Where(d => removed.Contains(d.Stage)).Select(d => d.Stage).Distinct().ToListAsync(cancellationToken);
        if (inUse.Count > 0)
        {
            return Error.Unprocessable("deal.stage_in_use", "stages", $"Deals are in {string.Join(", ", inUse)}: move them before removing the stage.");
        }

        string[] becomingWon = [.. wanted.Where(s => s.Phase == StagePhase.Won && stages.TryGetValue(s.Key, out var stage) && stage.Phase == StagePhase.Open).Select(s => s.Key)];
        string[] becomingOpen = [.. wanted.Where(s => s.Phase == StagePhase.Open && stages.TryGetValue(s.Key, out var stage) && stage.Phase == StagePhase.Won).Select(s => s.Key)];
        var misplaced = await db.Deals
            .Where(d => (becomingWon.Contains(d.Stage) && d.Status != DealStatus.Won) || (becomingOpen.Contains(d.Stage) && d.Status == DealStatus.Won))
            .Select(d => d.Stage).Distinct().ToListAsync(cancellationToken);
        if (misplaced.Count > 0)
        {
            return Error.Unprocessable("deal.stage_phase_in_use", "stages", $"Deals of the other phase are in {string.Join(", ", misplaced)}: a stage keeps its phase while they are.");
        }

        db.Stages.RemoveRange(removed.Select(key => stages[key]));
        for (var position = 0; position < wanted.Count; position++)
        {
            var input = wanted[position];
            if (stages.TryGetValue(input.Key, out var stage))
            {
                stage.Change(input.Name.Trim(), input.EnglishName.Trim(), position, input.Probability, input.Phase);
            }
            else
            {
                db.Stages.Add(PipelineStage.Create(input.Key, input.Name.Trim(), input.EnglishName.Trim(), position, input.Probability, input.Phase));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return StageList.Pipeline(await StageList.ReadAsync(db, cancellationToken));
    }
}

internal static class StageList
{
    public static async Task<IReadOnlyList<PipelineStageDto>> ReadAsync(DealsDbContext db, CancellationToken cancellationToken) =>
        await db.Stages.AsNoTracking().OrderBy(s => s.Position)
            .Select(s => new PipelineStageDto(s.Key, s.Name, s.EnglishName, s.Position, s.Probability, s.Phase))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The pipeline with its version: a hash (FNV-1a) of every stage as it stands, so any change to any stage changes it
    /// and there is no version row to keep.
    /// </summary>
    public static PipelineDto Pipeline(IReadOnlyList<PipelineStageDto> stages)
    {
        var hash = 2166136261u;
        foreach (var c in string.Join('\u001f', stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}|{s.Name}|{s.EnglishName}|{s.Position}|{s.Probability}|{s.Phase}"))))
        {
            hash = (hash ^ c) * 16777619u;
        }

        return new PipelineDto(stages, hash);
    }
}

internal static class StageEndpoints
{
    public static void Map(IEndpointRouteBuilder deals)
    {
        deals.MapGet("/stages", async (IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new GetPipelineQuery(), cancellationToken)).ToHttp(pipeline =>
                {
                    response.SetETag(pipeline.Version);
                    return TypedResults.Ok(pipeline);
                }))
            .WithName("Deals_Stages")
            .WithSummary("The pipeline's stages in order, with their probabilities and phases; the ETag header is the pipeline's version");

        deals.MapPut("/stages", (PipelineInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new ChangePipelineCommand(expected, body), cancellationToken), pipeline => pipeline.Version))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithName("Deals_ChangeStages")
            .WithSummary("Replace the pipeline's stages (admins): rename, reorder, set probabilities, add, and remove empty ones; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }
}
