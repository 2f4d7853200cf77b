using System.Linq.Expressions;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Customers.Domain;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Persistence;

/// <summary>
/// Substring search over name, company and phones, and over the contacts' names and phones, that an
/// index can serve at a million rows (ADR 0011, ADR 0023). Chinese names are typed as one or two
/// characters, which trigrams cannot index, so those terms match an array of the 1- and 2-character
/// Han grams of name and company (GIN); every other term (3+ characters, Latin, digits) matches a
/// trigram GIN index over one lower-cased text of the fields. Customers and contacts have both
/// columns, computed by PostgreSQL with the same functions.
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

    /// <summary>A contact's name and phone, as a customer's name and phone are written.</summary>
    public const string ContactTextSql = "customers.search_text(name, NULL, phone, NULL)";

    public const string ContactGramsSql = "customers.han_grams(name, NULL)";

    /// <summary>The tags lower-cased, for "customers with this tag" in any case (GIN: the filter is <c>@&gt;</c>).</summary>
    public const string TagKeysColumn = "TagKeys";

    /// <summary>The function is created by the Profile migration.</summary>
    public const string TagKeysSql = "customers.lower_all(tags)";

    private const int MaxGramLength = 2;

    /// <summary>A Latin, digit or mixed term reaches the contacts from this length: the trigram index's.</summary>
    private const int MinContactTerm = 3;

    /// <summary>
    /// The first <paramref name="take"/> customers in <paramref name="inOrder"/>'s order, of those the term finds (all
    /// when there is none): by their own fields, or only by a contact. The two are separate queries, each ordered and
    /// cut on its own, then merged: PostgreSQL reads each by its best index and stops early (a common term walks the
    /// order, a rare one reads its few matches). One query with an OR between a column and a contact subquery can
    /// use no index at all; a plain UNION of the two reads every match before ordering (ADR 0023).
    /// </summary>
    public static IQueryable<Customer> Page(
        this IQueryable<Customer> customers, IQueryable<Contact> contacts, string? term, Func<IQueryable<Customer>, IOrderedQueryable<Customer>> inOrder, int take)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return inOrder(customers).Take(take);
        }

        var normalized = Normalize(term);
        var gram = normalized.Length <= MaxGramLength && normalized.All(IsHan);
        var pattern = gram ? normalized : Like.Contains(normalized);
        var (own, contact) = gram ? (HasGram<Customer>(pattern), HasGram<Contact>(pattern)) : (TextLike<Customer>(pattern), TextLike<Contact>(pattern));
        if (normalized.Length < (gram ? MaxGramLength : MinContactTerm))
        {
            // One character (a surname) would match every twentieth contact: a page of them would cost a probe of
            // the contacts of every customer walked, and tell the user nothing. Contacts are found from two Han
            // characters, or three of anything else (what the indexes serve).
            return inOrder(customers.Where(own)).Take(take);
        }

        var byContact = contacts.Where(contact);
        // Not found by their own fields: the two parts never share a customer.
        var notOwn = Expression.Lambda<Func<Customer, bool>>(Expression.Not(own.Body), own.Parameters);
        var foundByContact = customers.Where(notOwn).Where(c => byContact.Any(k => k.CustomerId == c.Id));
        return inOrder(inOrder(customers.Where(own)).Take(take).Concat(inOrder(foundByContact).Take(take))).Take(take);
    }

    /// <summary>Reads a page of customers; a search's page is planned for its term (<see cref="ValuePlans"/>).</summary>
    public static Task<List<T>> ReadAsync<T>(this IQueryable<T> rows, CustomersDbContext db, string? term, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(term) ? rows.ToListAsync(cancellationToken) : rows.ToListPlannedForValuesAsync(db, cancellationToken);

    private static Expression<Func<T, bool>> HasGram<T>(string gram) => row => EF.Property<string[]>(row!, GramsColumn).Contains(gram);

    private static Expression<Func<T, bool>> TextLike<T>(string pattern) =>
        row => EF.Functions.Like(EF.Property<string>(row!, TextColumn), pattern, Like.EscapeCharacter);

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
