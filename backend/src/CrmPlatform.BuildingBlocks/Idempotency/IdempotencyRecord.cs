namespace CrmPlatform.BuildingBlocks.Idempotency;

/// <summary>The first response to a POST carrying an Idempotency-Key, kept for replay.</summary>
public sealed class IdempotencyRecord
{
    public required string Caller { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of method, path and body: a different request under the same key is refused.</summary>
    public required string RequestHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public byte[]? Body { get; set; }
}
