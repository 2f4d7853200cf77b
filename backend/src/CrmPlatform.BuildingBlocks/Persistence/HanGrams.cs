namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>
/// Chinese search terms are typed as one or two characters, which trigrams cannot index (ADR 0011): such a term is
/// looked up in an array of the 1- and 2-character grams of the text's Han runs (GIN), every other term by trigrams.
/// </summary>
public static class HanGrams
{
    /// <summary>The longest gram a module's <c>han_grams</c> SQL function writes.</summary>
    public const int MaxLength = 2;

    /// <summary>
    /// Whether the (trimmed, lower-cased) term is looked up among the grams rather than by trigrams. A term that normalised to
    /// nothing (a lone dash of a phone) is too: it finds no gram, where <c>LIKE '%%'</c> would scan every row.
    /// </summary>
    public static bool IsGramTerm(string term) => term.Length <= MaxLength && term.All(IsHan);

    /// <summary>CJK Unified Ideographs and Extension A: the ranges the grams functions index.</summary>
    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');
}
