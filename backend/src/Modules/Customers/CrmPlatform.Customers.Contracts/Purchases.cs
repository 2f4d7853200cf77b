using CrmPlatform.BuildingBlocks.Outbox;

namespace CrmPlatform.Customers.Contracts;

/// <summary>
/// How another module tells Customers that a customer bought (Deals: a won deal): publish this through its outbox.
/// Customers keeps it once, however often it is delivered (the event's id is the purchase's identity), moves the
/// customer's stage to at least 成交 (and to 老客户 by the loyal rule), and rates the customer's value (A/B/C) from the
/// purchases of the rating window.
/// </summary>
/// <param name="Amount">What the customer paid, in yuan: decimal, never floating point.</param>
/// <param name="PurchasedAt">When the purchase was made (the deal was won), which decides whether it is inside the window.</param>
/// <param name="Source">The module that recorded it ("deals").</param>
public sealed record RecordPurchase(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid CustomerId,
    decimal Amount,
    DateTimeOffset PurchasedAt,
    string Source) : IntegrationEvent(EventId, OccurredAt);
