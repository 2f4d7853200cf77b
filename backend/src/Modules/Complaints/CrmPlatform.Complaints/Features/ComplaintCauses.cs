using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Complaints.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Complaints.Features;

/// <param name="Active">False for a retired category: kept on the complaints that have it, no longer chosen.</param>
public sealed record ComplaintCauseDto(string Key, string Name, string EnglishName, bool Active);

/// <param name="Key">A stable code, letters and digits starting with a letter (e.g. <c>packaging</c>).</param>
public sealed record NewCauseInput(
    [property: MaxLength(ComplaintLimits.CauseKey)] string Key,
    [property: MaxLength(ComplaintLimits.CauseName)] string Name,
    [property: MaxLength(ComplaintLimits.CauseName)] string EnglishName);

public sealed record CauseChangeInput([property: MaxLength(ComplaintLimits.CauseName)] string Name, [property: MaxLength(ComplaintLimits.CauseName)] string EnglishName, bool Active);

public sealed record ListCausesQuery : IQuery<IReadOnlyList<ComplaintCauseDto>>;

public sealed record AddCauseCommand(NewCauseInput Cause) : ICommand<Result<ComplaintCauseDto>>;

public sealed record ChangeCauseCommand(string Key, CauseChangeInput Cause) : ICommand<Result<ComplaintCauseDto>>;

internal sealed class AddCauseValidator : AbstractValidator<AddCauseCommand>
{
    public AddCauseValidator() => RuleFor(c => c.Cause).ChildRules(cause =>
    {
        cause.RuleFor(c => c.Key).NotEmpty().MaximumLength(ComplaintLimits.CauseKey).Matches("^[a-zA-Z][a-zA-Z0-9]*$")
            .WithMessage("Letters and digits, starting with a letter.");
        cause.RuleFor(c => c.Name).NotEmpty().MaximumLength(ComplaintLimits.CauseName);
        cause.RuleFor(c => c.EnglishName).NotEmpty().MaximumLength(ComplaintLimits.CauseName);
    }).AtBodyRoot();
}

internal sealed class ChangeCauseValidator : AbstractValidator<ChangeCauseCommand>
{
    public ChangeCauseValidator() => RuleFor(c => c.Cause).ChildRules(cause =>
    {
        cause.RuleFor(c => c.Name).NotEmpty().MaximumLength(ComplaintLimits.CauseName);
        cause.RuleFor(c => c.EnglishName).NotEmpty().MaximumLength(ComplaintLimits.CauseName);
    }).AtBodyRoot();
}

/// <summary>The root-cause list: everyone reads it; service staff, directors and admins keep it.</summary>
internal sealed class ComplaintCauseHandlers(ComplaintsDbContext db, ICurrentUser currentUser) :
    IQueryHandler<ListCausesQuery, IReadOnlyList<ComplaintCauseDto>>,
    ICommandHandler<AddCauseCommand, Result<ComplaintCauseDto>>,
    ICommandHandler<ChangeCauseCommand, Result<ComplaintCauseDto>>
{
    public async ValueTask<IReadOnlyList<ComplaintCauseDto>> Handle(ListCausesQuery query, CancellationToken cancellationToken) =>
        await db.Causes.AsNoTracking().OrderBy(c => c.Position).Select(c => new ComplaintCauseDto(c.Key, c.Name, c.EnglishName, c.Active)).ToListAsync(cancellationToken);

    public async ValueTask<Result<ComplaintCauseDto>> Handle(AddCauseCommand command, CancellationToken cancellationToken)
    {
        if (Forbidden() is { } forbidden)
        {
            return forbidden;
        }

        // One statement, so two people adding the same key at once get one cause and a 422, never a 500.
        var input = command.Cause;
        var (key, name, englishName) = (input.Key, input.Name.Trim(), input.EnglishName.Trim());
        var added = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO complaints.complaint_causes (key, name, english_name, position, active)
            SELECT {key}, {name}, {englishName}, coalesce(max(position), -1) + 1, true FROM complaints.complaint_causes
            ON CONFLICT (key) DO NOTHING
            """,
            cancellationToken);
        if (added == 0)
        {
            return Error.Unprocessable("complaint_cause.exists", "key", $"A cause '{input.Key}' exists already.");
        }

        var cause = await db.Causes.AsNoTracking().SingleAsync(c => c.Key == key, cancellationToken);
        return Dto(cause);
    }

    public async ValueTask<Result<ComplaintCauseDto>> Handle(ChangeCauseCommand command, CancellationToken cancellationToken)
    {
        if (Forbidden() is { } forbidden)
        {
            return forbidden;
        }

        if (await db.Causes.SingleOrDefaultAsync(c => c.Key == command.Key, cancellationToken) is not { } cause)
        {
            return new Error(ErrorKind.NotFound, "complaint_cause.not_found", $"No complaint cause '{command.Key}' exists.");
        }

        cause.Rename(command.Cause.Name, command.Cause.EnglishName, command.Cause.Active);
        await db.SaveChangesAsync(cancellationToken);
        return Dto(cause);
    }

    private static ComplaintCauseDto Dto(ComplaintCause c) => new(c.Key, c.Name, c.EnglishName, c.Active);

    private Error? Forbidden() => currentUser.Role is Roles.Service or Roles.Director or Roles.Admin
        ? null
        : Error.Forbidden("complaint_cause.not_allowed", "Service staff, directors and admins keep the list of causes.");
}

internal static class ComplaintCauseEndpoints
{
    public static void Map(IEndpointRouteBuilder complaints)
    {
        complaints.MapGet("/causes", async (IMediator mediator, CancellationToken cancellationToken) => TypedResults.Ok(await mediator.Send(new ListCausesQuery(), cancellationToken)))
            .RejectUnknownQuery()
            .WithName("Complaints_Causes")
            .WithSummary("The root-cause categories (原因分类), in their order; retired ones are marked inactive");

        complaints.MapPost("/causes", async (NewCauseInput body, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new AddCauseCommand(body), cancellationToken)).ToHttp(cause => TypedResults.Created($"/api/v1/complaints/causes/{cause.Key}", cause)))
            .RejectUnknownQuery()
            .WithName("Complaints_AddCause")
            .WithSummary("Add a root-cause category (service staff, directors, admins)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        complaints.MapPut("/causes/{causeKey}", async (string causeKey, CauseChangeInput body, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new ChangeCauseCommand(causeKey, body), cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Complaints_ChangeCause")
            .WithSummary("Rename a root-cause category, or retire it (active: false) (service staff, directors, admins)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
