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

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
        ? user
        : throw new InvalidOperationException("No authenticated user in this context.");

    public Guid Id => Guid.Parse(Principal.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public Guid? TeamId => Guid.TryParse(Principal.FindFirstValue(CrmClaims.TeamId), out var team) ? team : null;

    public string Role => Roles.Widest(Principal.IsInRole);
}
