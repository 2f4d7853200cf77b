using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Identity.Authentication;
using CrmPlatform.Identity.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace CrmPlatform.Identity.Features;

/// <summary>Disables (or enables again) a user: a leaver, or an account that must stop at once.</summary>
public sealed record SetUserAccessCommand(Guid UserId, bool Enabled) : ICommand<Result<Unit>>;

/// <summary>
/// A disabled user cannot sign in or refresh, and every session and personal API token of theirs
/// stops working at once. Nothing is deleted: enabling the user again restores sign-in (tokens
/// that were not revoked work again; sessions do not come back).
/// </summary>
internal sealed class SetUserAccessHandler(UserManager<AppUser> users, UserSessions sessions, ICurrentUser currentUser)
    : ICommandHandler<SetUserAccessCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(SetUserAccessCommand command, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(command.UserId.ToString()) is not { } user)
        {
            return Error.NotFound("user", command.UserId);
        }

        if (!command.Enabled && user.Id == currentUser.Id)
        {
            return Error.Unprocessable("user.disable_self", "userId", "You cannot disable your own account.");
        }

        // Directors manage the sales organisation; only an admin may disable an admin.
        if (currentUser.Role != Roles.Admin && await users.IsInRoleAsync(user, Roles.Admin))
        {
            return Error.Forbidden("user.outranks_caller", "Only an admin may disable or enable an admin.");
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, command.Enabled ? null : DateTimeOffset.MaxValue);
        if (!command.Enabled)
        {
            await sessions.EndAllAsync(user.Id, except: null, cancellationToken);
        }

        return Unit.Value;
    }
}

internal static class UserAccessEndpoints
{
    public static void Map(IEndpointRouteBuilder users)
    {
        users.MapPost("/{id:guid}/disable", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new SetUserAccessCommand(id, Enabled: false), cancellationToken)).ToHttp(_ => TypedResults.NoContent()))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Director))
            .WithName("Users_Disable")
            .WithSummary("Disable a user: no sign-in, and every session and API token of theirs stops at once")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        users.MapPost("/{id:guid}/enable", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new SetUserAccessCommand(id, Enabled: true), cancellationToken)).ToHttp(_ => TypedResults.NoContent()))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Director))
            .WithName("Users_Enable")
            .WithSummary("Enable a disabled user again")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
