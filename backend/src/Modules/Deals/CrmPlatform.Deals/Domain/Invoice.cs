using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Text;

namespace CrmPlatform.Deals.Domain;

internal static class InvoiceLimits
{
    public const int Number = 50;
    public const int Method = 30;
    public const int Note = 500;
}

/// <summary>
/// 货款回收: an amount a won deal invoices the customer, due on a day, paid in one or more payments. It belongs to the
/// deal's owner and team (the rep who collects it) and is seen by whoever may see the deal.
/// </summary>
internal sealed class Invoice : IOwnedRecord, IAudited
{
    private readonly List<Payment> _payments = [];

    private Invoice()
    {
    }

    public Guid Id { get; private init; }

    public Guid DealId { get; private init; }

    public Guid CustomerId { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid? TeamId { get; private set; }

    /// <summary>The invoice's own number (发票号), when there is one.</summary>
    public string? Number { get; private set; }

    public decimal Amount { get; private init; }

    public DateOnly IssuedOn { get; private init; }

    public DateOnly DueOn { get; private init; }

    /// <summary>What the payments add up to; kept on the row so outstanding amounts are read without summing payments.</summary>
    public decimal Paid { get; private set; }

    [NotAudited]
    public DateTimeOffset CreatedAt { get; private init; }

    public uint Version { get; private set; }

    public IReadOnlyList<Payment> Payments => _payments;

    public decimal Outstanding => Amount - Paid;

    public static Invoice Issue(Deal deal, string? number, decimal amount, DateOnly issuedOn, DateOnly dueOn, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        DealId = deal.Id,
        CustomerId = deal.CustomerId,
        OwnerId = deal.OwnerId,
        TeamId = deal.TeamId,
        Number = OptionalText.Normalize(number),
        Amount = amount,
        IssuedOn = issuedOn,
        DueOn = dueOn,
        CreatedAt = now,
    };

    /// <summary>A payment received, partial or whole; never more than is outstanding.</summary>
    public Payment? Receive(decimal amount, DateOnly receivedOn, string? method, string? note, Guid by, DateTimeOffset now)
    {
        if (amount > Outstanding)
        {
            return null;
        }

        var payment = Payment.Of(this, amount, receivedOn, method, note, by, now);
        _payments.Add(payment);
        Paid += amount;
        return payment;
    }

    /// <summary>The deal went to another owner or customer (a transfer, a merge): whoever works the deal now collects what is owed.</summary>
    public void Follow(Deal deal) => (CustomerId, OwnerId, TeamId) = (deal.CustomerId, deal.OwnerId, deal.TeamId);
}

/// <summary>Money received against an invoice.</summary>
internal sealed class Payment
{
    private Payment()
    {
    }

    public Guid Id { get; private init; }

    public Guid InvoiceId { get; private init; }

    public decimal Amount { get; private init; }

    public DateOnly ReceivedOn { get; private init; }

    /// <summary>How it was paid (转账, 现金, 承兑汇票…), as the rep writes it.</summary>
    public string? Method { get; private init; }

    public string? Note { get; private init; }

    public Guid RecordedBy { get; private init; }

    public DateTimeOffset RecordedAt { get; private init; }

    public static Payment Of(Invoice invoice, decimal amount, DateOnly receivedOn, string? method, string? note, Guid by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        InvoiceId = invoice.Id,
        Amount = amount,
        ReceivedOn = receivedOn,
        Method = OptionalText.Normalize(method),
        Note = OptionalText.Normalize(note),
        RecordedBy = by,
        RecordedAt = now,
    };
}
