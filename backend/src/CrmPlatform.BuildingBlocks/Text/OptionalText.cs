namespace CrmPlatform.BuildingBlocks.Text;

/// <summary>Optional free text as it is stored: trimmed, and null rather than blank, so "no note" is one value.</summary>
public static class OptionalText
{
    public static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
