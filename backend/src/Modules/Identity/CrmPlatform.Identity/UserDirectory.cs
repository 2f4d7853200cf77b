using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Identity.Contracts;
using CrmPlatform.Identity.Domain;
using CrmPlatform.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Identity;

/// <remarks>
/// The context is resolved only when a query runs: the names of customers' owners are asked on every
/// get by id, and a cache hit must not rent a pooled context (ADR 0012).
/// </remarks>
internal sealed class UserDirectory(IServiceProvider services, IMemoryCache cache) : IUserDirectory
{
    /// <summary>How long a display name is served from memory: a rename shows everywhere within this time.</summary>
    internal static readonly TimeSpan NameLifetime = TimeSpan.FromMinutes(5);

    public Task<UserSummary?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        FindAsync(Db.Users.Where(u => u.Id == userId), cancellationToken);

    public Task<UserSummary?> FindByUserNameAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = userName.ToUpperInvariant();
        return FindAsync(Db.Users.Where(u => u.NormalizedUserName == normalized), cancellationToken);
    }

    public Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        NamesAsync(userIds, id => new DisplayNameKey(id), unseen => Db.Users.AsNoTracking().Where(u => unseen.Contains(u.Id)).Select(u => new IdAndName(u.Id, u.DisplayName)), cancellationToken);

    public Task<IReadOnlyDictionary<Guid, string>> TeamNamesAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken cancellationToken) =>
        NamesAsync(teamIds, id => new TeamNameKey(id), unseen => Db.Teams.AsNoTracking().Where(t => unseen.Contains(t.Id)).Select(t => new IdAndName(t.Id, t.Name)), cancellationToken);

    /// <summary>Names from memory, and the ones not there from one query, kept for <see cref="NameLifetime"/>.</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync<TKey>(
        IReadOnlyCollection<Guid> ids, Func<Guid, TKey> keyOf, Func<List<Guid>, IQueryable<IdAndName>> load, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var names = new Dictionary<Guid, string>(ids.Count);
        List<Guid>? unseen = null;
        foreach (var id in ids)
        {
            if (cache.TryGetValue(keyOf(id), out string? name))
            {
                names[id] = name!;
            }
            else
            {
                (unseen ??= []).Add(id);
            }
        }

        if (unseen is not null)
        {
            foreach (var found in await load(unseen).ToListAsync(cancellationToken))
            {
                names[found.Id] = cache.Set(keyOf(found.Id), found.Name, NameLifetime);
            }
        }

        return names;
    }

    public async Task<Organisation> OrganisationAsync(CancellationToken cancellationToken)
    {
        var db = Db;
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name, t.RegionId }).ToListAsync(cancellationToken);
        var members = await db.Users.AsNoTracking().Where(u => u.TeamId != null).OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.DisplayName, TeamId = u.TeamId!.Value }).ToListAsync(cancellationToken);
        var roles = (await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, Role = r.Name! }).ToListAsync(cancellationToken))
            .ToLookup(ur => ur.UserId, ur => ur.Role);
        var membersOf = members.ToLookup(m => m.TeamId, m => new OrganisationMember(m.Id, m.DisplayName, Roles.Widest(roles[m.Id].Contains)));
        var teamsOf = teams.ToLookup(t => t.RegionId, t => new OrganisationTeam(t.Id, t.Name, [.. membersOf[t.Id]]));
        return new Organisation([.. regions.Select(r => new OrganisationRegion(r.Id, r.Name, [.. teamsOf[r.Id]]))]);
    }

    public async Task<IReadOnlyList<Guid>> SupervisorsAsync(Guid? teamId, CancellationToken cancellationToken)
    {
        var db = Db;
        return await db.UserRoles
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, Role = r.Name })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { u.Id, u.TeamId, x.Role })
            .Where(x => x.Role == Roles.Director || (x.Role == Roles.Manager && teamId != null && x.TeamId == teamId))
            .Select(x => x.Id)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    public ValueTask<string?> DisplayNameAsync(Guid userId, CancellationToken cancellationToken) =>
        cache.TryGetValue(new DisplayNameKey(userId), out string? name) ? ValueTask.FromResult(name) : LoadDisplayNameAsync(userId, cancellationToken);

    private async ValueTask<string?> LoadDisplayNameAsync(Guid userId, CancellationToken cancellationToken) =>
        (await DisplayNamesAsync([userId], cancellationToken)).GetValueOrDefault(userId);

    private async Task<UserSummary?> FindAsync(IQueryable<AppUser> match, CancellationToken cancellationToken)
    {
        var user = await match.AsNoTracking()
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.TeamId })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await RolesOfAsync(Db, user.Id, cancellationToken);
        return new UserSummary(user.Id, user.UserName ?? string.Empty, user.DisplayName, user.TeamId, Roles.Widest(roles.Contains));
    }

    internal static Task<List<string>> RolesOfAsync(CrmIdentityDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);

    private CrmIdentityDbContext Db => services.GetRequiredService<CrmIdentityDbContext>();

    private readonly record struct DisplayNameKey(Guid UserId);

    private readonly record struct TeamNameKey(Guid TeamId);

    private sealed record IdAndName(Guid Id, string Name);
}
