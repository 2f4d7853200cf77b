using CrmPlatform.BuildingBlocks.Outbox;

namespace CrmPlatform.Customers.Contracts;

/// <summary>
/// How another module tells Customers that a customer bought (Deals: a won deal): publish this through its outbox.
/// Customers keeps it once, however often it is delivered (the event's id is the purchase's identity), in the
/// customer's purchase archive (成交档案) with what was bought, puts it on the timeline, moves the customer's stage to at
/// least 成交 (and to 老客户 by the loyal rule), and rates the customer's value (A/B/C) from the purchases of the
/// rating window.
/// </summary>
/// <param name="Title">What the purchase was, as the archive and the timeline name it (the deal's title).</param>
/// <param name="Amount">What the customer paid, in <paramref name="Currency"/>: decimal, never floating point.</param>
/// <param name="Currency">ISO 4217 code; CNY, the only currency deals are kept in (ADR 0029).</param>
/// <param name="PurchasedAt">When the purchase was made (the deal was won), which decides whether it is inside the window.</param>
/// <param name="Lines">What was bought, line by line; empty when the deal had no line items.</param>
/// <param name="ReferenceId">The record in <paramref name="Source"/> it came from (the deal's id).</param>
/// <param name="RecordedBy">The user who won it; null for the system.</param>
/// <param name="Source">The module that recorded it ("deals").</param>
public sealed record RecordPurchase(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid CustomerId,
    string Title,
    decimal Amount,
    string Currency,
    DateTimeOffset PurchasedAt,
    IReadOnlyList<PurchaseLine> Lines,
    Guid? ReferenceId,
    Guid? RecordedBy,
    string Source) : IntegrationEvent(EventId, OccurredAt);

/// <summary>One line of a purchase: the product as it was sold, and what it came to.</summary>
/// <param name="DiscountPercent">0 to 100.</param>
/// <param name="Amount">Quantity × unit price less the discount, rounded to the fen (half away from zero).</param>
public sealed record PurchaseLine(string Product, string? Spec, string? Unit, decimal Quantity, decimal UnitPrice, decimal DiscountPercent, decimal Amount);
