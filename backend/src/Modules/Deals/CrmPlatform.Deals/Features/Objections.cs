using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
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

/// <summary>A script as a manager writes it, in both languages.</summary>
public sealed record ObjectionScriptInput(
    Objection Objection,
    ObjectionAudience Audience,
    [property: MaxLength(ObjectionLimits.Text)] string Text,
    [property: MaxLength(ObjectionLimits.Text)] string EnglishText);

/// <summary>A script with how it has fared on deals.</summary>
/// <param name="Uses">Times reps recorded using it.</param>
/// <param name="Worked">Times it worked.</param>
/// <param name="SuccessRate">Worked ÷ uses in percent, to one decimal; null until it has been used.</param>
public sealed record ObjectionScriptDto(
    Guid Id, Objection Objection, ObjectionAudience Audience, string Text, string EnglishText, int Uses, int Worked, decimal? SuccessRate, DateTimeOffset? ArchivedAt, uint Version);

/// <summary>The query string of <c>GET /objections/scripts</c>.</summary>
/// <param name="Q">Words in the script, in either language (case-insensitive).</param>
public sealed record ListScriptsQuery([property: MaxLength(100)] string? Q, QueryEnum<Objection>? Objection, QueryEnum<ObjectionAudience>? Audience, bool? IncludeArchived)
    : IQuery<Result<IReadOnlyList<ObjectionScriptDto>>>;

public sealed record CreateScriptCommand(ObjectionScriptInput Script) : ICommand<Result<ObjectionScriptDto>>;

public sealed record UpdateScriptCommand(Guid Id, uint ExpectedVersion, ObjectionScriptInput Script) : ICommand<Result<ObjectionScriptDto>>;

public sealed record ArchiveScriptCommand(Guid Id, uint ExpectedVersion) : ICommand<Result<ObjectionScriptDto>>;

/// <summary>A refusal met on a deal.</summary>
/// <param name="ScriptId">The script answered with, when one was; it must answer the same refusal.</param>
/// <param name="Worked">Whether the answer worked (the customer agreed to meet, to go on).</param>
public sealed record DealObjectionInput(Objection Objection, Guid? ScriptId, bool Worked, [property: MaxLength(ObjectionLimits.Note)] string? Note);

public sealed record DealObjectionDto(Guid Id, Guid DealId, Objection Objection, Guid? ScriptId, bool Worked, string? Note, Guid RecordedBy, DateTimeOffset RecordedAt);

public sealed record RecordObjectionCommand(Guid DealId, DealObjectionInput Objection) : ICommand<Result<DealObjectionDto>>;

public sealed record DealObjectionsQuery(Guid DealId) : IQuery<Result<IReadOnlyList<DealObjectionDto>>>;

internal sealed class ObjectionScriptInputValidator : AbstractValidator<ObjectionScriptInput>
{
    public ObjectionScriptInputValidator()
    {
        RuleFor(s => s.Objection).IsInEnum();
        RuleFor(s => s.Audience).IsInEnum();
        RuleFor(s => s.Text).NotEmpty().MaximumLength(ObjectionLimits.Text);
        RuleFor(s => s.EnglishText).NotEmpty().MaximumLength(ObjectionLimits.Text);
    }
}

internal sealed class CreateScriptValidator : AbstractValidator<CreateScriptCommand>
{
    public CreateScriptValidator() => RuleFor(c => c.Script).SetValidator(new ObjectionScriptInputValidator()).AtBodyRoot();
}

internal sealed class UpdateScriptValidator : AbstractValidator<UpdateScriptCommand>
{
    public UpdateScriptValidator() => RuleFor(c => c.Script).SetValidator(new ObjectionScriptInputValidator()).AtBodyRoot();
}

internal sealed class RecordObjectionValidator : AbstractValidator<RecordObjectionCommand>
{
    public RecordObjectionValidator() => RuleFor(c => c.Objection).ChildRules(o =>
    {
        o.RuleFor(x => x.Objection).IsInEnum();
        o.RuleFor(x => x.Note).MaximumLength(ObjectionLimits.Note);
    }).AtBodyRoot();
}

internal sealed class ListScriptsValidator : AbstractValidator<ListScriptsQuery>
{
    public ListScriptsValidator() => RuleFor(q => q.Q).MaximumLength(100);
}

/// <summary>面对拒绝: the library, searched in either language, each script with its record on deals; the seven refusals in seed 001's order.</summary>
internal sealed class ListScriptsHandler(ObjectionLibrary library) : IQueryHandler<ListScriptsQuery, Result<IReadOnlyList<ObjectionScriptDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ObjectionScriptDto>>> Handle(ListScriptsQuery query, CancellationToken cancellationToken)
    {
        var scripts = library.Scripts(query.IncludeArchived == true);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = Like.Contains(query.Q.Trim());
            scripts = scripts.Where(s => EF.Functions.ILike(s.Text, pattern, Like.EscapeCharacter) || EF.Functions.ILike(s.EnglishText, pattern, Like.EscapeCharacter));
        }

        if (query.Objection?.Value is { } objection)
        {
            scripts = scripts.Where(s => s.Objection == objection);
        }

        if (query.Audience?.Value is { } audience)
        {
            scripts = scripts.Where(s => s.Audience == audience);
        }

        return Result<IReadOnlyList<ObjectionScriptDto>>.Success(await library.ReadAsync(scripts.OrderBy(s => s.Objection).ThenBy(s => s.Audience).ThenBy(s => s.Id), cancellationToken));
    }
}

internal sealed class CreateScriptHandler(DealsDbContext db, ObjectionLibrary library, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<CreateScriptCommand, Result<ObjectionScriptDto>>
{
    public async ValueTask<Result<ObjectionScriptDto>> Handle(CreateScriptCommand command, CancellationToken cancellationToken)
    {
        var input = command.Script;
        var now = clock.GetDatabaseUtcNow();
        var script = ObjectionScript.Write(Guid.CreateVersion7(now), input.Objection, input.Audience, input.Text, input.EnglishText, currentUser.Id, now);
        db.ObjectionScripts.Add(script);
        await db.SaveChangesAsync(cancellationToken);
        return await library.ReadOneAsync(script.Id, cancellationToken);
    }
}

internal sealed class UpdateScriptHandler(DealsDbContext db, ObjectionLibrary library, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<UpdateScriptCommand, Result<ObjectionScriptDto>>
{
    public async ValueTask<Result<ObjectionScriptDto>> Handle(UpdateScriptCommand command, CancellationToken cancellationToken)
    {
        var found = await library.AtVersionAsync(command.Id, command.ExpectedVersion, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var script = found.Value;

        var input = command.Script;
        if ((input.Objection != script.Objection || input.Audience != script.Audience) && await db.DealObjections.AnyAsync(o => o.ScriptId == script.Id, cancellationToken))
        {
            return Error.Unprocessable(
                "objection.script_in_use", "objection", "This script has been used on deals: its refusal and audience stay, so its success rate counts one answer. Write a new script instead.");
        }

        script.Change(input.Objection, input.Audience, input.Text, input.EnglishText, currentUser.Id, clock.GetDatabaseUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await library.ReadOneAsync(script.Id, cancellationToken);
    }
}

/// <summary>An archived script leaves the library (and the pickers) and keeps its record on the deals it was used on.</summary>
internal sealed class ArchiveScriptHandler(DealsDbContext db, ObjectionLibrary library, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<ArchiveScriptCommand, Result<ObjectionScriptDto>>
{
    public async ValueTask<Result<ObjectionScriptDto>> Handle(ArchiveScriptCommand command, CancellationToken cancellationToken)
    {
        var found = await library.AtVersionAsync(command.Id, command.ExpectedVersion, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var script = found.Value;

        script.Archive(currentUser.Id, clock.GetDatabaseUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await library.ReadOneAsync(script.Id, cancellationToken);
    }
}

/// <summary>A refusal met on a deal the caller can see, with the script used: what the library's success rates count.</summary>
internal sealed class RecordObjectionHandler(DealsDbContext db, DealViews views, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordObjectionCommand, Result<DealObjectionDto>>
{
    public async ValueTask<Result<DealObjectionDto>> Handle(RecordObjectionCommand command, CancellationToken cancellationToken)
    {
        if (!await views.CanSeeAsync(command.DealId, cancellationToken))
        {
            return Error.NotFound("deal", command.DealId);
        }

        var input = command.Objection;
        if (input.ScriptId is { } scriptId
            && !await db.ObjectionScripts.AnyAsync(s => s.Id == scriptId && s.Objection == input.Objection && s.ArchivedAt == null, cancellationToken))
        {
            return Error.Unprocessable("objection.script_unknown", "scriptId", "No script in the library answers this refusal under that id.");
        }

        var recorded = DealObjection.Record(command.DealId, input.Objection, input.ScriptId, input.Worked, input.Note, currentUser.Id, clock.GetDatabaseUtcNow());
        db.DealObjections.Add(recorded);
        await db.SaveChangesAsync(cancellationToken);
        return ObjectionLibrary.Dto(recorded);
    }
}

internal sealed class DealObjectionsHandler(DealsDbContext db, DealViews views) : IQueryHandler<DealObjectionsQuery, Result<IReadOnlyList<DealObjectionDto>>>
{
    public async ValueTask<Result<IReadOnlyList<DealObjectionDto>>> Handle(DealObjectionsQuery query, CancellationToken cancellationToken)
    {
        if (!await views.CanSeeAsync(query.DealId, cancellationToken))
        {
            return Error.NotFound("deal", query.DealId);
        }

        var rows = await db.DealObjections.AsNoTracking().Where(o => o.DealId == query.DealId).OrderBy(o => o.RecordedAt).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        return rows.Select(ObjectionLibrary.Dto).ToList();
    }
}

/// <summary>The scripts as the API shows them, each with its uses and successes counted in the same statement.</summary>
internal sealed class ObjectionLibrary(DealsDbContext db)
{
    public IQueryable<ObjectionScript> Scripts(bool includeArchived) =>
        includeArchived ? db.ObjectionScripts.AsNoTracking() : db.ObjectionScripts.AsNoTracking().Where(s => s.ArchivedAt == null);

    public async Task<IReadOnlyList<ObjectionScriptDto>> ReadAsync(IQueryable<ObjectionScript> scripts, CancellationToken cancellationToken)
    {
        var rows = await scripts
            .Select(s => new
            {
                Script = s,
                Uses = db.DealObjections.Count(o => o.ScriptId == s.Id),
                Worked = db.DealObjections.Count(o => o.ScriptId == s.Id && o.Worked),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return
        [
            .. rows.Select(r => new ObjectionScriptDto(
                r.Script.Id, r.Script.Objection, r.Script.Audience, r.Script.Text, r.Script.EnglishText, r.Uses, r.Worked,
                r.Uses == 0 ? null : Math.Round(r.Worked * 100m / r.Uses, 1, MidpointRounding.AwayFromZero), r.Script.ArchivedAt, r.Script.Version)),
        ];
    }

    public async Task<ObjectionScriptDto> ReadOneAsync(Guid id, CancellationToken cancellationToken) =>
        (await ReadAsync(db.ObjectionScripts.Where(s => s.Id == id), cancellationToken))[0];

    /// <summary>The script to change, tracked, at the version the caller read: 404 or 412 otherwise.</summary>
    public async Task<Result<ObjectionScript>> AtVersionAsync(Guid id, uint expectedVersion, CancellationToken cancellationToken)
    {
        var script = await db.ObjectionScripts.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return script is null ? Error.NotFound("script", id) : script.Version == expectedVersion ? script : Error.StaleVersion;
    }

    public static DealObjectionDto Dto(DealObjection o) => new(o.Id, o.DealId, o.Objection, o.ScriptId, o.Worked, o.Note, o.RecordedBy, o.RecordedAt);
}

internal static class ObjectionEndpoints
{
    private static readonly string[] Keepers = [Roles.Manager, Roles.Director, Roles.Admin];

    public static void Map(IEndpointRouteBuilder api)
    {
        var scripts = api.MapGroup("/objections/scripts").WithTags("Objections");
        scripts.MapGet("/", async ([AsParameters] ListScriptsQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Objections_Scripts")
            .WithSummary("面对拒绝: the response scripts to the seven typical refusals, per audience, in Chinese and English, searchable, each with its success rate on deals")
            .ProducesValidationProblem();

        scripts.MapPost("/", async (ObjectionScriptInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new CreateScriptCommand(body), cancellationToken)).ToHttp(script =>
                {
                    response.SetETag(script.Version);
                    return TypedResults.Created($"/api/v1/objections/scripts/{script.Id}", script);
                }))
            .RequireAuthorization(policy => policy.RequireRole(Keepers))
            .RejectUnknownQuery()
            .WithName("Objections_CreateScript")
            .WithSummary("Add a script (managers, directors, admins)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        scripts.MapPut("/{id:guid}", (Guid id, ObjectionScriptInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new UpdateScriptCommand(id, expected, body), cancellationToken), script => script.Version))
            .RequireAuthorization(policy => policy.RequireRole(Keepers))
            .WithName("Objections_UpdateScript")
            .WithSummary("Change a script (managers, directors, admins); a used script keeps its refusal and audience; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        scripts.MapPost("/{id:guid}/archive", ([FromRoute] Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new ArchiveScriptCommand(id, expected), cancellationToken), script => script.Version))
            .RequireAuthorization(policy => policy.RequireRole(Keepers))
            .RejectUnknownQuery()
            .WithName("Objections_ArchiveScript")
            .WithSummary("Take a script out of the library (its record on deals stays); requires If-Match")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        api.MapPost("/deals/{id:guid}/objections", async (Guid id, DealObjectionInput body, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new RecordObjectionCommand(id, body), cancellationToken)).ToHttp(recorded =>
                    TypedResults.Created($"/api/v1/deals/{id}/objections", recorded)))
            .WithTags("Objections")
            .RejectUnknownQuery()
            .WithName("Objections_Record")
            .WithSummary("Record a refusal met on a deal, the script answered with and whether it worked")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/deals/{id:guid}/objections", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new DealObjectionsQuery(id), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithTags("Objections")
            .WithName("Objections_OfDeal")
            .WithSummary("The refusals met on a deal, oldest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
