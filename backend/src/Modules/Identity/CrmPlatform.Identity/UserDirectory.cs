using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Identity.Contracts;
using CrmPlatform.Identity.Domain;
using CrmPlatform.Identity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Identity;

internal sealed class UserDirectory(CrmIdentityDbContext db) : IUserDirectory
{
    public Task<UserSummary?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        FindAsync(db.Users.Where(u => u.Id == userId), cancellationToken);

    public Task<UserSummary?> FindByUserNameAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = userName.ToUpperInvariant();
        return FindAsync(db.Users.Where(u => u.NormalizedUserName == normalized), cancellationToken);
    }

    private async Task<UserSummary?> FindAsync(IQueryable<AppUser> match, CancellationToken cancellationToken)
    {
        var user = await match.AsNoTracking()
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.TeamId })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await RolesOfAsync(db, user.Id, cancellationToken);
        return new UserSummary(user.Id, user.UserName ?? string.Empty, user.DisplayName, user.TeamId, Roles.Widest(roles.Contains));
    }

    internal static Task<List<string>> RolesOfAsync(CrmIdentityDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
}
