namespace CrmPlatform.Customers.Domain;

/// <summary>价值分级: 高 (A), 中 (B), 低 (C). A customer with no purchase in the window has none: unrated.</summary>
public enum ValueTier
{
    A,
    B,
    C,
}

internal static class ValueTierLimits
{
    public const int Reason = 200;
}

/// <summary>
/// The value thresholds an admin sets: purchases of the last <see cref="WindowMonths"/> months rate a customer A when
/// both their total and their count reach A's, else B when both reach B's, else C.
/// </summary>
internal sealed record ValueTierRules(int WindowMonths, decimal ATotal, int APurchases, decimal BTotal, int BPurchases)
{
    /// <summary>The first instant of the window that ends at <paramref name="now"/>.</summary>
    public DateTimeOffset WindowStart(DateTimeOffset now) => now.AddMonths(-WindowMonths);
}

/// <summary>
/// 老客户: a customer who has bought (stage 成交, which a recorded purchase sets) becomes loyal when the relationship is
/// at least <see cref="RelationshipLevel"/> (null: never by level) or, when <see cref="CountReferrals"/>, once they
/// have referred someone.
/// </summary>
internal sealed record LoyaltyRule(int? RelationshipLevel, bool CountReferrals);

internal static class PurchaseLimits
{
    public const int Title = 200;
    public const int Currency = 3;
}

/// <summary>
/// 成交档案: one purchase another module reported (<see cref="Contracts.RecordPurchase"/>), kept once by its event id,
/// with what was bought as it was sold. Never changed once kept.
/// </summary>
internal sealed class CustomerPurchase
{
    /// <summary>The largest amount the column holds (numeric(14,2)).</summary>
    public const decimal MaxAmount = 999_999_999_999.99m;

    private CustomerPurchase()
    {
    }

    public Guid Id { get; private init; }

    public Guid CustomerId { get; private set; }

    public string Title { get; private init; } = string.Empty;

    public decimal Amount { get; private init; }

    public string Currency { get; private init; } = string.Empty;

    public DateTimeOffset PurchasedAt { get; private init; }

    public IReadOnlyList<Contracts.PurchaseLine> Lines { get; private init; } = [];

    public Guid? ReferenceId { get; private init; }

    public Guid? RecordedBy { get; private init; }

    public string Source { get; private init; } = string.Empty;

    public static CustomerPurchase Of(Contracts.RecordPurchase purchase, Guid customerId) => new()
    {
        Id = purchase.EventId,
        CustomerId = customerId,
        Title = purchase.Title.Trim(),
        Amount = purchase.Amount,
        Currency = purchase.Currency,
        PurchasedAt = purchase.PurchasedAt,
        Lines = purchase.Lines,
        ReferenceId = purchase.ReferenceId,
        RecordedBy = purchase.RecordedBy,
        Source = purchase.Source,
    };
}

/// <summary>
/// A customer's rating from its purchases in the window, kept off the customer's row (like its activity), so a
/// recomputation never changes the customer's version. No row: no purchase in the window, unrated.
/// </summary>
internal sealed class CustomerValue
{
    private CustomerValue()
    {
    }

    public Guid CustomerId { get; private init; }

    public ValueTier Tier { get; private init; }

    public decimal PurchaseTotal { get; private init; }

    public int PurchaseCount { get; private init; }

    public DateTimeOffset ComputedAt { get; private init; }
}
