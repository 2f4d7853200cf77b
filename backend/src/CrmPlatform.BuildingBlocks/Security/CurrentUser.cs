using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.BuildingBlocks.Security;

/// <summary>Who is calling. Handlers depend on this, never on HttpContext.</summary>
public interface ICurrentUser
{
    Guid Id { get; }

    Guid? TeamId { get; }

    string Role { get; }
}

/// <summary>
/// Read from the request's claims once per request (scoped), not on every use; background work on a user's
/// behalf reads the <see cref="ActingUser"/> instead.
/// </summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ActingUser.Caller? _caller;

    public Guid Id => Read().Id;

    public Guid? TeamId => Read().TeamId;

    public string Role => Read().Role;

    private ActingUser.Caller Read() => _caller ??= ActingUser.Value ?? (accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
        ? new ActingUser.Caller(
            Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
            Guid.TryParse(user.FindFirstValue(CrmClaims.TeamId), out var team) ? team : null,
            Roles.Widest(user.IsInRole))
        : throw new InvalidOperationException("No authenticated user in this context."));
}
