using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Identity.Contracts;
using CrmPlatform.Identity.Domain;
using CrmPlatform.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CrmPlatform.Identity;

internal sealed class UserDirectory(CrmIdentityDbContext db, IMemoryCache cache) : IUserDirectory
{
    /// <summary>How long a display name is served from memory: a rename shows everywhere within this time.</summary>
    internal static readonly TimeSpan NameLifetime = TimeSpan.FromMinutes(5);

    public Task<UserSummary?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        FindAsync(db.Users.Where(u => u.Id == userId), cancellationToken);

    public Task<UserSummary?> FindByUserNameAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = userName.ToUpperInvariant();
        return FindAsync(db.Users.Where(u => u.NormalizedUserName == normalized), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>(userIds.Count);
        var unseen = new List<Guid>();
        foreach (var id in userIds)
        {
            if (cache.TryGetValue(new DisplayNameKey(id), out string? name))
            {
                names[id] = name!;
            }
            else
            {
                unseen.Add(id);
            }
        }

        if (unseen.Count > 0)
        {
            var found = await db.Users.AsNoTracking().Where(u => unseen.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
            foreach (var user in found)
            {
                names[user.Id] = cache.Set(new DisplayNameKey(user.Id), user.DisplayName, NameLifetime);
            }
        }

        return names;
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

    private readonly record struct DisplayNameKey(Guid UserId);
}
