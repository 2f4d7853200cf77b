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
    private Guid? _id;
    private Guid? _teamId;
    private string? _role;

    private ClaimsPrincipal Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
        ? user
        : throw new InvalidOperationException("No authenticated user in this context.");

    public Guid Id => _id ??= Guid.Parse(Principal.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public Guid? TeamId => _role is null ? ReadTeamAndRole().TeamId : _teamId;

    public string Role => _role ?? ReadTeamAndRole().Role;

    private (Guid? TeamId, string Role) ReadTeamAndRole()
    {
        var principal = Principal;
        _teamId = Guid.TryParse(principal.FindFirstValue(CrmClaims.TeamId), out var team) ? team : null;
        _role = Roles.Widest(principal.IsInRole);
        return (_teamId, _role);
    }
}
