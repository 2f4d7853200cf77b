using CrmPlatform.BuildingBlocks.Persistence;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Identity.Domain;
using CrmPlatform.Identity.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Identity.Authentication;

/// <summary>Authenticates "Authorization: Bearer crm_pat_…" against the stored token hashes.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CrmIdentityDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>Last-used time is written at most this often per token, not on every request.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (AuthenticationSchemes.ApiTokenFrom(Request) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }

        var now = clock.GetDatabaseUtcNow();
        var hash = ApiToken.Hash(secret);
        var match = await db.ApiTokens
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Join(db.Users.Where(u => u.LockoutEnd == null || u.LockoutEnd <= now), t => t.UserId, u => u.Id, (t, u) => new { t.Id, t.Scope, t.LastUsedAt, u.UserName, u.TeamId, UserId = u.Id })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (match is null)
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired, or its user is disabled.");
        }

        var roles = await UserDirectory.RolesOfAsync(db, match.UserId, Context.RequestAborted);

        if (match.LastUsedAt is null || match.LastUsedAt < now - LastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == match.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, match.UserId.ToString()),
            new(ClaimTypes.Name, match.UserName ?? string.Empty),
            new(CrmClaims.TokenId, match.Id.ToString()),
            new(CrmClaims.TokenScope, match.Scope == ApiTokenScope.Read ? CrmClaims.ReadScope : CrmClaims.ReadWriteScope),
        };
        if (match.TeamId is { } teamId)
        {
            claims.Add(new Claim(CrmClaims.TeamId, teamId.ToString()));
        }

        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
