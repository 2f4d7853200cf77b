using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Persistence;

/// <summary>
/// Substring search over a customer's name, company and phones and its contacts' names and phones, that an
/// index can serve at a million rows (ADR 0011, ADR 0026). Chinese names are typed as one or two characters,
/// which trigrams cannot index, so those terms match an array of the 1- and 2-character Han grams (GIN); every
/// other term (3+ characters, Latin, digits) matches a trigram GIN index over one lower-cased text of the
/// fields. Both columns are computed by PostgreSQL from the customer's fields and <see cref="ContactsColumn"/>,
/// the contacts' names and phones that <see cref="ContactSearch"/> keeps on the customer's row.
/// </summary>
internal static class CustomerSearch
{
    public const string TextColumn = "SearchText";
    public const string GramsColumn = "SearchGrams";
    public const string ContactsColumn = "ContactSearch";

    /// <summary>
    /// Name, company, every phone and the contacts' text joined by newlines (a term never spans two fields), the
    /// phones without their spaces and dashes. The function is created by the SearchOtherPhones migration.
    /// </summary>
    public const string TextSql = "customers.search_text(name, company, phone, other_phones) || coalesce(E'\\n' || contact_search, '')";

    /// <summary>The function is created by the Search migration; it takes the Han runs of any text.</summary>
    public const string GramsSql = "customers.han_grams(name, coalesce(company, '') || E'\\n' || coalesce(contact_search, ''))";

    /// <summary>The tags lower-cased, for "customers with this tag" in any case (GIN: the filter is <c>@&gt;</c>).</summary>
    public const string TagKeysColumn = "TagKeys";

    /// <summary>The function is created by the Profile migration.</summary>
    public const string TagKeysSql = "customers.lower_all(tags)";

    /// <summary>The customers the term finds (all when there is none), by their own fields or a contact's.</summary>
    public static IQueryable<Customer> Matching(this IQueryable<Customer> customers, string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return customers;
        }

        var normalized = Normalize(term);
        if (HanGrams.IsGramTerm(normalized))
        {
            return customers.Where(c => EF.Property<string[]>(c, GramsColumn).Contains(normalized));
        }

        var pattern = Like.Contains(normalized);
        return customers.Where(c => EF.Functions.Like(EF.Property<string>(c, TextColumn), pattern, Like.EscapeCharacter));
    }

    /// <summary>Reads a page of customers; a search's page is planned for its term (<see cref="ValuePlans"/>).</summary>
    public static Task<List<T>> ReadAsync<T>(this IQueryable<T> rows, CustomersDbContext db, string? term, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(term) ? rows.ToListAsync(cancellationToken) : rows.ToListPlannedForValuesAsync(db, cancellationToken);

    /// <summary>Lower case, as the search text is; a phone fragment loses its spaces and dashes, as stored phones do.</summary>
    private static string Normalize(string term)
    {
        var trimmed = term.Trim().ToLowerInvariant();
        return trimmed.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+')
            ? trimmed.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal)
            : trimmed;
    }
}
