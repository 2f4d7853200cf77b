using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Identity.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Identity.Features;

/// <summary>The query string of <c>GET /users</c> (<c>[AsParameters]</c>): the only parameters it accepts.</summary>
/// <param name="Q">Part of the display name or user name (case-insensitive): how the SPA's colleague pickers search.</param>
/// <param name="Cursor">The nextCursor of the previous page, unchanged.</param>
/// <param name="Limit">Rows per page, 1 to 200; 50 when omitted.</param>
public sealed record ListUsersQuery(string? Q, string? Cursor, int? Limit) : IQuery<Result<Page<UserDto>>>;

public sealed record UserDto(Guid Id, string UserName, string DisplayName, Guid? TeamId, string? TeamName);

internal sealed class ListUsersValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersValidator()
    {
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Limit).PageLimit();
        RuleFor(q => q.Cursor).CursorOf(_ => ListUsersHandler.Sort);
    }
}

/// <summary>
/// The colleagues whose records the caller may see, and so may filter by or (within
/// <see cref="RecordScope.CanAssignTo"/>) assign to: a rep sees only themself, a manager their team.
/// </summary>
internal sealed class ListUsersHandler(CrmIdentityDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListUsersQuery, Result<Page<UserDto>>>
{
    public const string Sort = "displayName";

    public async ValueTask<Result<Page<UserDto>>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? PageLimits.Default;
        var users = db.Users.AsNoTracking().VisibleTo(currentUser, u => u.Id, u => u.TeamId);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = Like.Contains(query.Q);
            users = users.Where(u => EF.Functions.ILike(u.DisplayName, pattern, Like.EscapeCharacter) || EF.Functions.ILike(u.UserName!, pattern, Like.EscapeCharacter));
        }

        Cursor.TryDecode(query.Cursor, Sort, out var after);
        var rows = await users.PageAfter(u => u.DisplayName, u => u.Id, descending: false, after).Take(limit + 1)
            .Select(u => new UserDto(u.Id, u.UserName ?? string.Empty, u.DisplayName, u.TeamId, u.Team == null ? null : u.Team.Name))
            .ToListAsync(cancellationToken);
        return Page.FromOverfetch(rows, limit, last => new Cursor(Sort, last.DisplayName, last.Id));
    }
}

internal static class ListUsersEndpoint
{
    public static void Map(IEndpointRouteBuilder users) =>
        users.MapGet("/", async ([AsParameters] ListUsersQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Users_List")
            .WithSummary("Colleagues whose records you may see (rep: yourself; manager: your team), by display name, keyset pages")
            .ProducesValidationProblem();
}
