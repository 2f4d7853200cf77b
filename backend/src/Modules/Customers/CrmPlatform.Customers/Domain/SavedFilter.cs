using CrmPlatform.BuildingBlocks.Auditing;

namespace CrmPlatform.Customers.Domain;

internal static class SavedFilterLimits
{
    public const int Name = 50;
    public const int Query = 1000;
    public const int PerUser = 50;
}

/// <summary>A list filter a user keeps under a name ("本月待拜访的重要客户"): the list's query string, theirs alone.</summary>
internal sealed class SavedFilter : IAudited
{
    private SavedFilter()
    {
    }

    public Guid Id { get; private init; }

    public Guid UserId { get; private init; }

    public string Name { get; private init; } = string.Empty;

    public string Query { get; private set; } = string.Empty;

    [NotAudited]
    public DateTimeOffset SavedAt { get; private set; }

    public static SavedFilter Save(Guid userId, string name, string query, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), UserId = userId, Name = name.Trim(), Query = query, SavedAt = now };

    public void Replace(string query, DateTimeOffset now)
    {
        Query = query;
        SavedAt = now;
    }
}
