using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Complaints.Persistence;
using CrmPlatform.Identity.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Complaints.Features;

/// <param name="Edition">1 for the first words, one more for each change of them.</param>
/// <param name="UsageCount">How many complaints it was given in.</param>
/// <param name="Active">False once retired: no longer offered, still shown where it was used.</param>
public sealed record StandardAnswerDto(
    Guid Id,
    string Question,
    string Answer,
    string? Product,
    string? CauseKey,
    int Edition,
    int UsageCount,
    bool Active,
    Guid UpdatedBy,
    string? UpdatedByName,
    DateTimeOffset UpdatedAt,
    uint Version);

public sealed record StandardAnswerEditionDto(int Edition, string Question, string Answer, string? Product, string? CauseKey, Guid By, string? ByName, DateTimeOffset At);

/// <param name="CauseKey">The root-cause category it answers (<c>GET /complaints/causes</c>), if any.</param>
/// <param name="Active">False retires it.</param>
public sealed record StandardAnswerInput(
    [property: MaxLength(StandardAnswerLimits.Question)] string Question,
    [property: MaxLength(StandardAnswerLimits.Answer)] string Answer,
    [property: MaxLength(ComplaintLimits.Product)] string? Product,
    [property: MaxLength(ComplaintLimits.CauseKey)] string? CauseKey,
    bool Active = true);

/// <summary>The query string of <c>GET /complaints/answers</c>: the most used first.</summary>
/// <param name="Q">Words of the question, the answer or the product (one Chinese character finds too).</param>
/// <param name="Product">Only those about this product (its whole name, any case).</param>
/// <param name="Cause">Only those answering this root-cause category.</param>
/// <param name="Active">Only those in use (true) or only the retired (false); both when absent.</param>
/// <param name="Limit">At most this many (20 unless given; up to 200): a search narrows, it does not page.</param>
public sealed record ListAnswersQuery(string? Q, string? Product, string? Cause, bool? Active, int? Limit) : IQuery<Result<IReadOnlyList<StandardAnswerDto>>>;

public sealed record GetAnswerQuery(Guid Id) : IQuery<Result<StandardAnswerDto>>;

public sealed record AnswerEditionsQuery(Guid Id) : IQuery<Result<IReadOnlyList<StandardAnswerEditionDto>>>;

public sealed record WriteAnswerCommand(StandardAnswerInput Answer) : ICommand<Result<StandardAnswerDto>>;

public sealed record ReviseAnswerCommand(Guid Id, uint ExpectedVersion, StandardAnswerInput Answer) : ICommand<Result<StandardAnswerDto>>;

internal sealed class ListAnswersValidator : AbstractValidator<ListAnswersQuery>
{
    public ListAnswersValidator()
    {
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Product).MaximumLength(ComplaintLimits.Product);
        RuleFor(q => q.Cause).MaximumLength(ComplaintLimits.CauseKey);
        RuleFor(q => q.Limit).PageLimit();
    }
}

internal sealed class StandardAnswerInputValidator : AbstractValidator<StandardAnswerInput>
{
    public StandardAnswerInputValidator()
    {
        RuleFor(a => a.Question).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(StandardAnswerLimits.Question).Must(q => q.Trim().Length > 0).WithMessage("Write the question.");
        RuleFor(a => a.Answer).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(StandardAnswerLimits.Answer).Must(a => a.Trim().Length > 0).WithMessage("Write the answer.");
        RuleFor(a => a.Product).MaximumLength(ComplaintLimits.Product);
        RuleFor(a => a.CauseKey).MaximumLength(ComplaintLimits.CauseKey);
    }
}

internal sealed class WriteAnswerValidator : AbstractValidator<WriteAnswerCommand>
{
    public WriteAnswerValidator() => RuleFor(c => c.Answer).SetValidator(new StandardAnswerInputValidator()).AtBodyRoot();
}

internal sealed class ReviseAnswerValidator : AbstractValidator<ReviseAnswerCommand>
{
    public ReviseAnswerValidator() => RuleFor(c => c.Answer).SetValidator(new StandardAnswerInputValidator()).AtBodyRoot();
}

/// <summary>
/// The standard answers (标准回答): everyone reads, searches and uses them; service staff, managers, directors and admins
/// write and revise them (口径一致 — one wording, kept by those who answer for it).
/// </summary>
internal sealed class StandardAnswerHandlers(ComplaintsDbContext db, IUserDirectory users, ICurrentUser currentUser, TimeProvider clock) :
    IQueryHandler<ListAnswersQuery, Result<IReadOnlyList<StandardAnswerDto>>>,
    IQueryHandler<GetAnswerQuery, Result<StandardAnswerDto>>,
    IQueryHandler<AnswerEditionsQuery, Result<IReadOnlyList<StandardAnswerEditionDto>>>,
    ICommandHandler<WriteAnswerCommand, Result<StandardAnswerDto>>,
    ICommandHandler<ReviseAnswerCommand, Result<StandardAnswerDto>>
{
    private const int DefaultLimit = 20;

    public async ValueTask<Result<IReadOnlyList<StandardAnswerDto>>> Handle(ListAnswersQuery query, CancellationToken cancellationToken)
    {
        var answers = db.Answers.AsNoTracking().Matching(query.Q);
        if (!string.IsNullOrWhiteSpace(query.Product))
        {
            answers = answers.Where(a => a.Product != null && EF.Functions.ILike(a.Product, Like.Exactly(query.Product), Like.EscapeCharacter));
        }

        if (query.Cause is { } cause)
        {
            answers = answers.Where(a => a.CauseKey == cause);
        }

        if (query.Active is { } active)
        {
            answers = answers.Where(a => a.Active == active);
        }

        var rows = WithUsage(answers).OrderByDescending(r => r.Uses).ThenByDescending(r => r.UpdatedAt).ThenBy(r => r.Id).Take(query.Limit ?? DefaultLimit);
        // A search is planned for its term: one Han character can match most answers, a rare word a handful.
        var found = string.IsNullOrWhiteSpace(query.Q) ? await rows.ToListAsync(cancellationToken) : await rows.ToListPlannedForValuesAsync(db, cancellationToken);
        return await DtosAsync(found, cancellationToken);
    }

    public async ValueTask<Result<StandardAnswerDto>> Handle(GetAnswerQuery query, CancellationToken cancellationToken) =>
        await FindAsync(query.Id, cancellationToken) is { } answer ? answer : NotFound(query.Id);

    public async ValueTask<Result<IReadOnlyList<StandardAnswerEditionDto>>> Handle(AnswerEditionsQuery query, CancellationToken cancellationToken)
    {
        var editions = await db.AnswerEditions.AsNoTracking().Where(e => e.AnswerId == query.Id).OrderByDescending(e => e.Edition).ToListAsync(cancellationToken);
        if (editions.Count == 0)
        {
            return NotFound(query.Id);
        }

        var names = await users.DisplayNamesAsync([.. editions.Select(e => e.By).Distinct()], cancellationToken);
        return editions.Select(e => new StandardAnswerEditionDto(e.Edition, e.Question, e.Answer, e.Product, e.CauseKey, e.By, names.GetValueOrDefault(e.By), e.At)).ToList();
    }

    public async ValueTask<Result<StandardAnswerDto>> Handle(WriteAnswerCommand command, CancellationToken cancellationToken)
    {
        if ((Forbidden() ?? await UnknownCauseAsync(command.Answer.CauseKey, cancellationToken)) is { } problem)
        {
            return problem;
        }

        var answer = StandardAnswer.Write(Text(command.Answer), command.Answer.Active, currentUser.Id, clock.GetDatabaseUtcNow());
        db.Answers.Add(answer);
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(answer.Id, cancellationToken))!;
    }

    public async ValueTask<Result<StandardAnswerDto>> Handle(ReviseAnswerCommand command, CancellationToken cancellationToken)
    {
        if (Forbidden() is { } forbidden)
        {
            return forbidden;
        }

        // Locked, so two revisions at the same version take turns: the second sees the first's version (412) instead of both
        // writing the same next edition.
        if (await db.Answers.FromSql($"SELECT *, xmin FROM complaints.standard_answers WHERE id = {command.Id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken) is not { } answer)
        {
            return NotFound(command.Id);
        }

        if (answer.Version != command.ExpectedVersion)
        {
            return Error.StaleVersion;
        }

        // A retired cause stays on the answers that had it; a newly chosen one must be in use.
        if (command.Answer.CauseKey != answer.CauseKey && await UnknownCauseAsync(command.Answer.CauseKey, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        answer.Revise(Text(command.Answer), command.Answer.Active, currentUser.Id, clock.GetDatabaseUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(answer.Id, cancellationToken))!;
    }

    private static StandardAnswerText Text(StandardAnswerInput input) => new(input.Question, input.Answer, input.Product, input.CauseKey);

    /// <summary>The fields a reader sees, not the search columns (a text and an array of grams per answer), and the usage.</summary>
    private IQueryable<AnswerRow> WithUsage(IQueryable<StandardAnswer> answers) =>
        answers.Select(a => new AnswerRow
        {
            Id = a.Id,
            Question = a.Question,
            Answer = a.Answer,
            Product = a.Product,
            CauseKey = a.CauseKey,
            Edition = a.Edition,
            Active = a.Active,
            UpdatedBy = a.UpdatedBy,
            UpdatedAt = a.UpdatedAt,
            Version = a.Version,
            Uses = db.Steps.Count(s => s.AnswerId == a.Id),
        });

    private async Task<StandardAnswerDto?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await DtosAsync(await WithUsage(db.Answers.AsNoTracking().Where(a => a.Id == id)).ToListAsync(cancellationToken), cancellationToken)).SingleOrDefault();

    private async Task<List<StandardAnswerDto>> DtosAsync(IReadOnlyList<AnswerRow> rows, CancellationToken cancellationToken)
    {
        var names = await users.DisplayNamesAsync([.. rows.Select(r => r.UpdatedBy).Distinct()], cancellationToken);
        return
        [
            .. rows.Select(r => new StandardAnswerDto(
                r.Id, r.Question, r.Answer, r.Product, r.CauseKey, r.Edition, r.Uses, r.Active, r.UpdatedBy, names.GetValueOrDefault(r.UpdatedBy), r.UpdatedAt, r.Version)),
        ];
    }

    private async Task<Error?> UnknownCauseAsync(string? causeKey, CancellationToken cancellationToken) =>
        causeKey is null || await db.Causes.AnyAsync(c => c.Key == causeKey && c.Active, cancellationToken)
            ? null
            : Error.Unprocessable("complaint.cause_unknown", "causeKey", $"'{causeKey}' is not a cause in use: see GET /complaints/causes.");

    private Error? Forbidden() => currentUser.Role is Roles.Service or Roles.Manager or Roles.Director or Roles.Admin
        ? null
        : Error.Forbidden("standard_answer.not_allowed", "Service staff, managers, directors and admins write the standard answers; everyone reads and uses them.");

    private static Error NotFound(Guid id) => Error.NotFound("standard_answer", id);

    /// <summary>An answer as read, with the number of complaints it was given in (one step per complaint links it); initialised by members, so EF orders by them.</summary>
    private sealed class AnswerRow
    {
        public required Guid Id { get; init; }

        public required string Question { get; init; }

        public required string Answer { get; init; }

        public required string? Product { get; init; }

        public required string? CauseKey { get; init; }

        public required int Edition { get; init; }

        public required bool Active { get; init; }

        public required Guid UpdatedBy { get; init; }

        public required DateTimeOffset UpdatedAt { get; init; }

        public required uint Version { get; init; }

        public required int Uses { get; init; }
    }
}

internal static class StandardAnswerEndpoints
{
    public static void Map(IEndpointRouteBuilder complaints)
    {
        complaints.MapGet("/answers", async ([AsParameters] ListAnswersQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Complaints_Answers")
            .WithSummary("Search the standard answers (标准回答) by words of the question, answer or product; the most used first")
            .ProducesValidationProblem();

        complaints.MapGet("/answers/{answerId:guid}", async (Guid answerId, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new GetAnswerQuery(answerId), cancellationToken)).ToHttp(answer =>
                {
                    response.SetETag(answer.Version);
                    return TypedResults.Ok(answer);
                }))
            .WithName("Complaints_Answer")
            .WithSummary("One standard answer; the ETag header is its version")
            .ProducesProblem(StatusCodes.Status404NotFound);

        complaints.MapGet("/answers/{answerId:guid}/editions", async (Guid answerId, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new AnswerEditionsQuery(answerId), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("Complaints_AnswerEditions")
            .WithSummary("Every edition of a standard answer's words, newest first, with who wrote it and when")
            .ProducesProblem(StatusCodes.Status404NotFound);

        complaints.MapPost("/answers", async (StandardAnswerInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new WriteAnswerCommand(body), cancellationToken)).ToHttp(answer =>
                {
                    response.SetETag(answer.Version);
                    return TypedResults.Created($"/api/v1/complaints/answers/{answer.Id}", answer);
                }))
            .RejectUnknownQuery()
            .WithName("Complaints_WriteAnswer")
            .WithSummary("Write a standard answer (service staff, managers, directors, admins)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        complaints.MapPut("/answers/{answerId:guid}", (Guid answerId, StandardAnswerInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new ReviseAnswerCommand(answerId, expected, body), cancellationToken), answer => answer.Version))
            .RejectUnknownQuery()
            .WithName("Complaints_ReviseAnswer")
            .WithSummary("Revise a standard answer: new words make a new edition; active: false retires it; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }
}
