using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Identity.Authentication;

/// <summary>Sessions that can no longer be used, and attempt counts the throttle has forgotten anyway.</summary>
internal sealed class SignInHousekeeping(CrmIdentityDbContext db, IOptions<LoginThrottleOptions> throttle) : IHousekeepingTask
{
    public async Task<string> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Ended sessions stay a while, so "who was signed in when" can still be answered.
        var endedCutoff = now - UserSessions.Lifetime;
        var sessions = await db.Sessions.Where(s => s.ExpiresAt < now || s.EndedAt < endedCutoff).ExecuteDeleteAsync(cancellationToken);
        var forgotten = now - throttle.Value.ForgetAfter;
        var attempts = await db.LoginAttempts.Where(a => a.LastAttemptAt < forgotten).ExecuteDeleteAsync(cancellationToken);
        return $"{sessions} sessions, {attempts} sign-in attempt counts";
    }
}
