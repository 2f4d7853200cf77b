namespace CrmPlatform.Identity.Domain;

internal static class NotificationLimits
{
    public const int Topic = 100;
    public const int Link = 300;
    public const int DedupeKey = 200;
}

/// <summary>One in-app notification of one user: unread until they open it or mark all read.</summary>
internal sealed class Notification
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public required string Topic { get; init; }

    public required Dictionary<string, string> Data { get; init; }

    public string? Link { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; set; }

    public required string DedupeKey { get; init; }
}
