using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Persistence;

/// <summary>
/// What makes two customer records one customer (ADR 0020): a phone number in common, once spaces, dashes and
/// a +86 / 0086 prefix are gone, or the same name at the same company, ignoring case and spaces. The rule is
/// written once, as SQL functions (the Duplicates migration); PostgreSQL keeps both keys as indexed computed
/// columns, and a customer about to be created gets its keys from the same functions.
/// </summary>
internal static class DuplicateKeys
{
    public const string PhoneKeysColumn = "PhoneKeys";
    public const string PhoneKeysSql = "customers.phone_keys(phone, other_phones)";
    public const string IdentityKeyColumn = "IdentityKey";
    public const string IdentityKeySql = "customers.identity_key(name, company)";

    /// <summary>The keys of a record not saved yet; no query when it has no phone and no company.</summary>
    public static async Task<Keys> KeysOfAsync(this CustomersDbContext db, string name, string? company, string? phone, IReadOnlyList<string> otherPhones, CancellationToken cancellationToken)
    {
        if (phone is null && otherPhones.Count == 0 && string.IsNullOrWhiteSpace(company))
        {
            return Keys.None;
        }

        var others = otherPhones.ToArray();
        return await db.Database
            .SqlQuery<Keys>($"SELECT customers.phone_keys({phone}::text, {others}::text[]) AS phones, customers.identity_key({name}::text, {company}::text) AS identity")
            .SingleAsync(cancellationToken);
    }

    public sealed record Keys(string[] Phones, string? Identity)
    {
        public static readonly Keys None = new([], null);

        public bool IsEmpty => Phones.Length == 0 && Identity is null;
    }
}
