using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Persistence;

/// <summary>
/// Substring search over name, company and phones that an index can serve at a million rows
/// (ADR 0011). Chinese names are typed as one or two characters, which trigrams cannot index,
/// so those terms match an array of the 1- and 2-character Han grams of name and company (GIN);
/// every other term (3+ characters, Latin, digits) matches a trigram GIN index over one
/// lower-cased text of all three fields. Both columns are computed by PostgreSQL.
/// </summary>
internal static class CustomerSearch
{
    public const string TextColumn = "SearchText";
    public const string GramsColumn = "SearchGrams";

    /// <summary>
    /// Name, company and every phone joined by newlines (a term never spans two fields), the phones without
    /// their spaces and dashes. The function is created by the SearchOtherPhones migration.
    /// </summary>
    public const string TextSql = "customers.search_text(name, company, phone, other_phones)";

    /// <summary>The function is created by the Search migration.</summary>
    public const string GramsSql = "customers.han_grams(name, company)";

    /// <summary>The tags lower-cased, for "customers with this tag" in any case (GIN: the filter is <c>@&gt;</c>).</summary>
    public const string TagKeysColumn = "TagKeys";

    /// <summary>The function is created by the Profile migration.</summary>
    public const string TagKeysSql = "customers.lower_all(tags)";

    private const int MaxGramLength = 2;

    public static IQueryable<Customer> Matching(this IQueryable<Customer> customers, string term)
    {
        var normalized = Normalize(term);
        if (normalized.Length <= MaxGramLength && normalized.All(IsHan))
        {
            return customers.Where(c => EF.Property<string[]>(c, GramsColumn).Contains(normalized));
        }

        var pattern = Like.Contains(normalized);
        return customers.Where(c => EF.Functions.Like(EF.Property<string>(c, TextColumn), pattern, Like.EscapeCharacter));
    }

    /// <summary>Lower case, as the search text is; a phone fragment loses its spaces and dashes, as stored phones do.</summary>
    private static string Normalize(string term)
    {
        var trimmed = term.Trim().ToLowerInvariant();
        return trimmed.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+')
            ? trimmed.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal)
            : trimmed;
    }

    /// <summary>CJK Unified Ideographs and Extension A: the ranges the grams function indexes.</summary>
    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');
}
