namespace CrmPlatform.Identity.Domain;

/// <summary>
/// One sign-in (a cookie session, or a login token pair and its refreshes). Cookies and bearer tokens
/// carry its id, and they are honoured only while it has not ended, so logout, a password change or
/// a disabled account end them on the server instead of waiting for them to expire.
/// </summary>
internal sealed class UserSession
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>Sign-in attempts counted under one key (an account name, a known device or a source address).</summary>
internal sealed class LoginAttempts
{
    public required string Key { get; init; }

    public int Attempts { get; set; }

    public DateTimeOffset LastAttemptAt { get; set; }
}
