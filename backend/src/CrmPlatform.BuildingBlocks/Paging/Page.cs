namespace CrmPlatform.BuildingBlocks.Paging;

/// <summary>One page of a keyset-paginated list. <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class Page
{
    /// <summary>
    /// A page from rows read with <c>Take(limit + 1)</c>: the extra row only tells that another page
    /// follows, which then starts after the last row kept.
    /// </summary>
    public static Page<T> FromOverfetch<T>(IReadOnlyList<T> rows, int limit, Func<T, Cursor> positionOf)
    {
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }

        var items = rows.Take(limit).ToList();
        return new Page<T>(items, positionOf(items[^1]).Encode());
    }
}

public static class PageLimits
{
    public const int Default = 50;
    public const int Max = 200;
}
