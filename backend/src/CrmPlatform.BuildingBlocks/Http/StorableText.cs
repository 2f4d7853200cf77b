using System.Buffers;
using System.Text;

namespace CrmPlatform.BuildingBlocks.Http;

/// <summary>
/// The text the platform accepts anywhere — JSON strings, query values, cursor keys: no C0 control
/// character except tab, line feed and carriage return, no DEL, and no unpaired surrogate. PostgreSQL
/// cannot store NUL, UTF-8 cannot carry a lone surrogate, and the other controls would break exports;
/// rejecting them at the edge makes them a 400 naming the field instead of a 500 in the database.
/// </summary>
public static class StorableText
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), '\u007F']);

    public static bool IsStorable(ReadOnlySpan<char> text) =>
        !text.ContainsAny(Controls) && (!text.ContainsAnyInRange('\uD800', '\uDFFF') || HasOnlyPairedSurrogates(text));

    private static bool HasOnlyPairedSurrogates(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            text = text[consumed..];
        }

        return true;
    }
}
