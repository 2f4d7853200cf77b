using System.Security.Claims;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Identity.Authentication;

/// <summary>Adds the team claim that record scope needs to the standard identity claims.</summary>
internal sealed class CrmClaimsPrincipalFactory(
    UserManager<AppUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TeamId is { } teamId)
        {
            identity.AddClaim(new Claim(CrmClaims.TeamId, teamId.ToString()));
        }

        return identity;
    }
}
