using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Identity.Persistence;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Identity.Features;

public sealed record GetMeQuery : IQuery<Result<MeDto>>;

/// <param name="Role">The widest role, which decides record scope.</param>
public sealed record MeDto(
    Guid Id,
    string UserName,
    string DisplayName,
    string Role,
    IReadOnlyList<string> Roles,
    Guid? TeamId,
    string? TeamName,
    string? RegionName);

internal sealed class GetMeHandler(CrmIdentityDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMeQuery, Result<MeDto>>
{
    public async ValueTask<Result<MeDto>> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == currentUser.Id)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.TeamId, TeamName = u.Team!.Name, RegionName = u.Team.Region!.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return Error.NotFound("user", currentUser.Id);
        }

        var roles = await UserDirectory.RolesOfAsync(db, user.Id, cancellationToken);
        return new MeDto(user.Id, user.UserName ?? string.Empty, user.DisplayName, Roles.Widest(roles.Contains), roles, user.TeamId, user.TeamName, user.RegionName);
    }
}

internal static class GetMeEndpoint
{
    public static void Map(IEndpointRouteBuilder me) =>
        me.MapGet("/", async (IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new GetMeQuery(), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("Me_Get")
            .WithSummary("The signed-in user, role and team")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
