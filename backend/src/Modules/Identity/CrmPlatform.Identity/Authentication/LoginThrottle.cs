using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Identity.Authentication;

/// <summary>
/// Slows password guessing without letting a stranger lock anyone out. Attempts are counted per key —
/// the account name typed (whether or not it exists), the source address, or a device the user signed
/// in from before. A key's first <see cref="ThrottleKey.FreeAttempts"/> attempts are free; after that
/// each attempt must wait twice as long as the one before (1 s, 2 s, 4 s … up to 15 minutes) after the
/// previous one. An hour without attempts forgets the count, and a successful sign-in clears the
/// account's and the device's and takes the attempt off the source's count. A user on a known device is
/// counted on that device only, so a stranger hammering the account name never slows them down.
/// </summary>
internal sealed class LoginThrottle(CrmIdentityDbContext db, TimeProvider clock, IOptions<LoginThrottleOptions> options)
{
    private const string SourcePrefix = "source:";

    /// <summary>By a digest of the name: any text typed is counted, in a key of bounded length.</summary>
    public ThrottleKey Account(string normalizedUserName) =>
        new("account:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedUserName))), options.Value.FreeAttemptsPerAccount);

    /// <summary>An IPv4 address, or an IPv6 /64 (one subscriber's network: its addresses cost an attacker nothing).</summary>
    public ThrottleKey Source(IPAddress? address) => new(SourcePrefix + Network(address), options.Value.FreeAttemptsPerSource);

    public ThrottleKey Device(Guid deviceId) => new("device:" + deviceId, options.Value.FreeAttemptsPerDevice);

    /// <summary>
    /// Counts an attempt under each key in turn; null when it may proceed, else how long to wait. Pass the
    /// narrowest key first: an attempt refused for its user name is not counted against its address.
    /// </summary>
    public async Task<TimeSpan?> TryAttemptAsync(IEnumerable<ThrottleKey> keys, CancellationToken cancellationToken)
    {
        var now = clock.GetDatabaseUtcNow();
        var maxDelay = options.Value.MaxDelay.TotalSeconds;
        var forgotten = now - options.Value.ForgetAfter;
        foreach (var (key, free) in keys)
        {
            // One statement claims the attempt or reports the wait, so parallel guesses cannot all slip through. A refused
            // claim waits at least a second: when a parallel guess claimed the row first, this statement's snapshot may still
            // show the row as it was, whose wait is over, and such a guess must not pass uncounted.
            var wait = await db.Database.SqlQuery<double>(
                $"""
                WITH attempt AS (
                    INSERT INTO identity.login_attempts AS t (key, attempts, last_attempt_at) VALUES ({key}, 1, {now})
                    ON CONFLICT (key) DO UPDATE
                    SET attempts = CASE WHEN t.last_attempt_at < {forgotten} THEN 1 ELSE t.attempts + 1 END, last_attempt_at = {now}
                    WHERE t.last_attempt_at < {forgotten} OR t.attempts < {free}
                       OR t.last_attempt_at + make_interval(secs => least(power(2, least(t.attempts - {free}, 30)), {maxDelay})) <= {now}
                    RETURNING 0::float8 AS "Value")
                SELECT "Value" FROM attempt
                UNION ALL
                SELECT greatest(extract(epoch FROM t.last_attempt_at + make_interval(secs => least(power(2, least(t.attempts - {free}, 30)), {maxDelay})) - {now}), 1)::float8
                FROM identity.login_attempts t
                WHERE t.key = {key} AND NOT EXISTS (SELECT FROM attempt)
                """).ToListAsync(cancellationToken);
            // Claimed: the one row 0. Anything else is a refusal, even no row (a first attempt inserted in parallel,
            // which this statement's snapshot does not show).
            if (wait is not [0d])
            {
                return TimeSpan.FromSeconds(Math.Ceiling(wait is [var seconds] ? seconds : 1));
            }
        }

        return null;
    }

    private static string Network(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>A successful sign-in was no guess: the account's and device's counts go, and the source's drops by this attempt.</summary>
    public async Task SucceededAsync(IEnumerable<ThrottleKey> keys, CancellationToken cancellationToken)
    {
        var names = keys.Select(k => k.Key).ToArray();
        await db.LoginAttempts.Where(a => names.Contains(a.Key) && !a.Key.StartsWith(SourcePrefix)).ExecuteDeleteAsync(cancellationToken);
        await db.LoginAttempts.Where(a => names.Contains(a.Key) && a.Key.StartsWith(SourcePrefix) && a.Attempts > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Attempts, a => a.Attempts - 1), cancellationToken);
    }
}

/// <summary>Crm:LoginThrottle — how many sign-in attempts are free per key, and how long waits grow.</summary>
public sealed class LoginThrottleOptions
{
    public int FreeAttemptsPerAccount { get; set; } = 5;

    /// <summary>Higher than per account: a whole office may sign in from one address.</summary>
    public int FreeAttemptsPerSource { get; set; } = 30;

    public int FreeAttemptsPerDevice { get; set; } = 5;

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);
}

/// <param name="Key">What is counted: "account:…", "source:…" or "device:…".</param>
/// <param name="FreeAttempts">Attempts before any wait.</param>
internal sealed record ThrottleKey(string Key, int FreeAttempts);
