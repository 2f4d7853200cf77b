using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Complaints.Persistence;
using CrmPlatform.Identity.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Complaints.Features;

/// <summary>The query string of <c>GET /complaints</c>: every filter narrows; the newest complaint first.</summary>
/// <param name="Key">Only key customers' (true) or only the others' (false).</param>
/// <param name="Open">Only those not yet resolved (true: received, investigating, resolution proposed), or only the resolved and closed (false).</param>
/// <param name="Overdue">Only those past their promised time and not yet resolved.</param>
/// <param name="Cause">Only those of this root-cause category.</param>
public sealed record ListComplaintsQuery(
    QueryEnum<ComplaintStatus>? Status,
    QueryEnum<ComplaintSeverity>? Severity,
    bool? Key,
    bool? Open,
    bool? Overdue,
    Guid? OwnerId,
    Guid? CustomerId,
    string? Cause,
    int? Limit,
    string? Cursor) : IQuery<Result<Page<ComplaintDto>>>;

public sealed record GetComplaintQuery(Guid Id) : IQuery<Result<ComplaintDto>>;

public sealed record ComplaintStepsQuery(Guid Id) : IQuery<Result<IReadOnlyList<ComplaintStepDto>>>;

internal sealed class ListComplaintsValidator : AbstractValidator<ListComplaintsQuery>
{
    public ListComplaintsValidator()
    {
        RuleFor(q => q.Limit).PageLimit();
        RuleFor(q => q.Cursor).CursorOf(_ => ListComplaintsHandler.Sort);
    }
}

internal sealed class ListComplaintsHandler(ComplaintViews views, TimeProvider clock) : IQueryHandler<ListComplaintsQuery, Result<Page<ComplaintDto>>>
{
    public const string Sort = "newest";

    public async ValueTask<Result<Page<ComplaintDto>>> Handle(ListComplaintsQuery query, CancellationToken cancellationToken)
    {
        var complaints = views.Visible().AsNoTracking();
        if (query.Status?.Value is { } status)
        {
            complaints = complaints.Where(c => c.Status == status);
        }

        if (query.Severity?.Value is { } severity)
        {
            complaints = complaints.Where(c => c.Severity == severity);
        }

        if (query.Key is { } key)
        {
            complaints = complaints.Where(c => c.KeyCustomer == key);
        }

        if (query.Open is { } open)
        {
            complaints = open
                ? complaints.Where(c => c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed)
                : complaints.Where(c => c.Status == ComplaintStatus.Resolved || c.Status == ComplaintStatus.Closed);
        }

        if (query.Overdue is { } overdue)
        {
            var now = clock.GetUtcNow();
            complaints = overdue
                ? complaints.Where(c => c.PromisedAt < now && c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed)
                : complaints.Where(c => c.PromisedAt >= now || c.Status == ComplaintStatus.Resolved || c.Status == ComplaintStatus.Closed);
        }

        if (query.OwnerId is { } ownerId)
        {
            complaints = complaints.Where(c => c.OwnerId == ownerId);
        }

        if (query.CustomerId is { } customerId)
        {
            complaints = complaints.Where(c => c.CustomerId == customerId);
        }

        if (query.Cause is { } cause)
        {
            complaints = complaints.Where(c => c.CauseKey == cause);
        }

        var limit = query.Limit ?? PageLimits.Default;
        Cursor.TryDecode(query.Cursor, Sort, out var after);
        var rows = await complaints.PageAfter(c => c.Id, descending: true, after).Take(limit + 1).ToListAsync(cancellationToken);
        return Page.FromOverfetch(await views.ToDtosAsync(rows, cancellationToken), limit, last => new Cursor(Sort, null, last.Id));
    }
}

internal sealed class GetComplaintHandler(ComplaintViews views) : IQueryHandler<GetComplaintQuery, Result<ComplaintDto>>
{
    public async ValueTask<Result<ComplaintDto>> Handle(GetComplaintQuery query, CancellationToken cancellationToken) =>
        await views.FindAsync(query.Id, cancellationToken) is { } complaint ? complaint : Error.NotFound("complaint", query.Id);
}

/// <summary>The complaint's way, oldest first: each step with its status after, the owner after, who and when.</summary>
internal sealed class ComplaintStepsHandler(ComplaintsDbContext db, ComplaintViews views, IUserDirectory users)
    : IQueryHandler<ComplaintStepsQuery, Result<IReadOnlyList<ComplaintStepDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ComplaintStepDto>>> Handle(ComplaintStepsQuery query, CancellationToken cancellationToken)
    {
        if (!await views.Visible().AnyAsync(c => c.Id == query.Id, cancellationToken))
        {
            return Error.NotFound("complaint", query.Id);
        }

        var steps = await db.Steps.AsNoTracking().Where(s => s.ComplaintId == query.Id).OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync([.. steps.Select(s => s.OwnerId).Concat(steps.Where(s => s.By is not null).Select(s => s.By!.Value)).Distinct()], cancellationToken);
        return steps.Select(s => new ComplaintStepDto(
            s.Kind, s.Status, s.OwnerId, names.GetValueOrDefault(s.OwnerId), s.Note, s.Channel, s.By, s.By is { } by ? names.GetValueOrDefault(by) : null, s.At, s.AnswerId, s.AnswerEdition))
            .ToList();
    }
}

internal static class ReadComplaintEndpoints
{
    public static void Map(IEndpointRouteBuilder complaints)
    {
        complaints.MapGet("/", async ([AsParameters] ListComplaintsQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Complaints_List")
            .WithSummary("Complaints you may see (service staff and directors: all; a manager: the team's customers'; a rep: their customers'), newest first")
            .ProducesValidationProblem();

        complaints.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new GetComplaintQuery(id), cancellationToken)).ToHttp(complaint =>
                {
                    response.SetETag(complaint.Version);
                    return TypedResults.Ok(complaint);
                }))
            .WithName("Complaints_Get")
            .WithSummary("One complaint; the ETag header is its version")
            .ProducesProblem(StatusCodes.Status404NotFound);

        complaints.MapGet("/{id:guid}/steps", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new ComplaintStepsQuery(id), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("Complaints_Steps")
            .WithSummary("The complaint's way through the procedure, oldest first: each step with who and when")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
