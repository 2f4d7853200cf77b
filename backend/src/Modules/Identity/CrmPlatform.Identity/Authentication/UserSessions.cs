using System.Security.Claims;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Identity.Domain;
using CrmPlatform.Identity.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Identity.Authentication;

/// <summary>
/// Server-side sessions. Whether a session is still active is cached for <see cref="CheckedEvery"/>, so
/// a request costs no query on the hot path; ending a session here takes effect at once in this
/// process, and within that time in any other instance.
/// </summary>
internal sealed class UserSessions(IServiceProvider services, IMemoryCache cache, TimeProvider clock)
{
    public const string ClaimType = "crm:sid";

    /// <summary>As long as a refresh token lives; a refresh extends it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public static readonly TimeSpan CheckedEvery = TimeSpan.FromSeconds(10);

    // Resolved when a query is due, not per request: a cache hit needs no database context.
    private CrmIdentityDbContext Db => services.GetRequiredService<CrmIdentityDbContext>();

    public static Guid? IdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimType), out var id) ? id : null;

    /// <summary>
    /// Whether a cookie's or login token's principal may still be used: it names a session, and that
    /// session has not ended. Called by both schemes as they authenticate, so an ended one is a 401.
    /// </summary>
    public static async Task<bool> AllowsAsync(HttpContext http, ClaimsPrincipal principal) =>
        IdOf(principal) is { } id && await http.RequestServices.GetRequiredService<UserSessions>().IsActiveAsync(id, http.RequestAborted);

    /// <summary>Starts a session for the user and returns the claim that ties a cookie or token to it.</summary>
    public async Task<Claim> StartAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetDatabaseUtcNow();
        var session = new UserSession { Id = Guid.CreateVersion7(), UserId = userId, CreatedAt = now, ExpiresAt = now + Lifetime };
        Db.Sessions.Add(session);
        await Db.SaveChangesAsync(cancellationToken);
        cache.Set(Key(session.Id), true, CheckedEvery);
        return new Claim(ClaimType, session.Id.ToString());
    }

    public async ValueTask<bool> IsActiveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(id), out bool active))
        {
            return active;
        }

        var now = clock.GetDatabaseUtcNow();
        active = await Db.Sessions.AnyAsync(s => s.Id == id && s.EndedAt == null && s.ExpiresAt > now, cancellationToken);
        // An ended session never comes back, so that answer may be kept as long as a session could live.
        cache.Set(Key(id), active, active ? CheckedEvery : Lifetime);
        return active;
    }

    /// <summary>Keeps an active session for another <see cref="Lifetime"/> (on refresh); false when it has ended.</summary>
    public async Task<bool> ExtendAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetDatabaseUtcNow();
        return await Db.Sessions.Where(s => s.Id == id && s.EndedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, now + Lifetime), cancellationToken) == 1;
    }

    public async Task EndAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetDatabaseUtcNow();
        await Db.Sessions.Where(s => s.Id == id && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
        cache.Set(Key(id), false, Lifetime);
    }

    /// <summary>Ends every session of the user but <paramref name="except"/> (the caller's own, after a password change).</summary>
    public async Task EndAllAsync(Guid userId, Guid? except, CancellationToken cancellationToken)
    {
        var now = clock.GetDatabaseUtcNow();
        var ended = await Db.Sessions.Where(s => s.UserId == userId && s.EndedAt == null && s.Id != except)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        await Db.Sessions.Where(s => ended.Contains(s.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
        foreach (var id in ended)
        {
            cache.Set(Key(id), false, Lifetime);
        }
    }

    private static string Key(Guid id) => "session:" + id;
}
