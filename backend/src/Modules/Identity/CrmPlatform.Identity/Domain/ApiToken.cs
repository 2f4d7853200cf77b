using System.Security.Cryptography;
using System.Text;

namespace CrmPlatform.Identity.Domain;

public enum ApiTokenScope
{
    Read,
    ReadWrite,
}

/// <summary>A personal API token for an integrator or BI tool. Only its SHA-256 hash is stored.</summary>
internal sealed class ApiToken
{
    public const string Prefix = "crm_pat_";

    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public required string Name { get; init; }

    public ApiTokenScope Scope { get; init; }

    public required string TokenHash { get; init; }

    /// <summary>The first characters of the secret, so a user can tell tokens apart in a list.</summary>
    public required string Hint { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Creates a token and returns its secret, which exists only in this return value.</summary>
    public static (ApiToken Token, string Secret) Issue(Guid userId, string name, ApiTokenScope scope, DateTimeOffset now, TimeSpan lifetime)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = name,
            Scope = scope,
            TokenHash = Hash(secret),
            Hint = secret[..(Prefix.Length + 4)],
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (token, secret);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
