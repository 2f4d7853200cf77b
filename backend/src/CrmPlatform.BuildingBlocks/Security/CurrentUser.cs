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

/// <summary>Read from the request's claims once per request (scoped), not on every use.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private Caller? _caller;

    public Guid Id => Read().Id;

    public Guid? TeamId => Read().TeamId;

    public string Role => Read().Role;

    private Caller Read() => _caller ??= accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
        ? new Caller(
            Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
            Guid.TryParse(user.FindFirstValue(CrmClaims.TeamId), out var team) ? team : null,
            Roles.Widest(user.IsInRole))
        : throw new InvalidOperationException("No authenticated user in this context.");

    private sealed record Caller(Guid Id, Guid? TeamId, string Role);
}
