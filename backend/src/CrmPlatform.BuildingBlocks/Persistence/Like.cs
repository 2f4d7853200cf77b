namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>Search text for ILIKE: the user's '%', '_' and '\' match themselves, with '\' as the escape character.</summary>
public static class Like
{
    public const string EscapeCharacter = @"\";

    public static string Contains(string text) => "%" + Escape(text.Trim()) + "%";

    /// <summary>The whole text, in any case (with ILIKE).</summary>
    public static string Exactly(string text) => Escape(text.Trim());

    private static string Escape(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
