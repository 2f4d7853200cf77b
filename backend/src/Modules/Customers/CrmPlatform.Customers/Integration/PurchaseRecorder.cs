using System.Globalization;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using CrmPlatform.Customers.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Customers.Integration;

/// <summary>
/// Keeps other modules' <see cref="RecordPurchase"/> events, once each (inbox claim, and the event id as the
/// purchase's key): the purchase goes into the archive and on the timeline, the customer has bought (成交, or 老客户 by
/// the loyal rule) and is rated again. The customer's row
/// is locked first, so two purchases of one customer at the same moment are rated one after the other. A purchase
/// that cannot be right (an amount of zero or less, a date in the future) is logged and not kept.
/// </summary>
internal sealed class PurchaseRecorder(CustomersDbContext db, ValueRating rating, InteractionLog timeline, TimeProvider clock, ILogger<PurchaseRecorder> logger)
    : IIntegrationEventHandler<RecordPurchase>
{
    private const string Consumer = "customers.purchases";

    public async Task HandleAsync(RecordPurchase purchase, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetDatabaseUtcNow();
        if (!await db.TryClaimAsync(purchase, Consumer, now, cancellationToken))
        {
            return;
        }

        var problem = Invalid(purchase, now);
        // Held for change: the purchase changes the customer's stage.
        var customer = problem is null
            ? await CustomerAccess.FollowMergesAsync(db, purchase.CustomerId, id => CustomerAccess.HeldForChange(db, id), cancellationToken)
            : null;
        if (customer is null)
        {
            // Nothing to keep: the claim is, so a redelivery does not try again (a retry could not make it right).
            logger.LogWarning("Purchase {Purchase} of customer {Customer} was not kept: {Problem}", purchase.EventId, purchase.CustomerId, problem ?? "no such customer");
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        // Rated with the rules as they are once no re-rating of everyone can run: the settings are read after the hold.
        await rating.HoldAsync(everyone: false, cancellationToken);
        var rules = await db.Settings.AsNoTracking().SingleAsync(s => s.Id == CustomerSettings.SingletonId, cancellationToken);
        db.Purchases.Add(CustomerPurchase.Of(purchase, customer.Id));
        await timeline.AddAsync(
            new RecordInteraction(
                purchase.EventId, purchase.PurchasedAt, customer.Id, InteractionKind.Purchase, null, purchase.RecordedBy,
                string.Create(CultureInfo.InvariantCulture, $"{purchase.Title.Trim()} · {purchase.Currency} {purchase.Amount:#,0.00}"), null, null, purchase.Source),
            fromEvent: true,
            cancellationToken);
        customer.Purchased(rules.Loyalty, now);
        await db.SaveChangesAsync(cancellationToken);
        await rating.RecomputeAsync(rules.ValueTiers, [customer.Id], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>What makes a purchase one this module cannot keep; null when it can.</summary>
    private static string? Invalid(RecordPurchase purchase, DateTimeOffset now) =>
        purchase.Amount is <= 0 or > CustomerPurchase.MaxAmount ? $"the amount {purchase.Amount} is not between 0 and {CustomerPurchase.MaxAmount}"
        : decimal.Round(purchase.Amount, 2) != purchase.Amount ? $"the amount {purchase.Amount} has more than two decimals"
        : purchase.PurchasedAt > now.AddDays(1) ? $"it is dated in the future ({purchase.PurchasedAt:O})"
        : string.IsNullOrWhiteSpace(purchase.Source) || purchase.Source.Length > InteractionLimits.Source ? "its source is empty or too long"
        : string.IsNullOrWhiteSpace(purchase.Title) || purchase.Title.Trim().Length > PurchaseLimits.Title ? "its title is empty or too long"
        : purchase.Currency is not { Length: PurchaseLimits.Currency } || !purchase.Currency.All(char.IsAsciiLetterUpper) ? $"the currency '{purchase.Currency}' is not an ISO 4217 code"
        : purchase.Lines is null ? "it has no list of lines"
        : null;
}
