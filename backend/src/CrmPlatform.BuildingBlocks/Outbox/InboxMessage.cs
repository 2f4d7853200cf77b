namespace CrmPlatform.BuildingBlocks.Outbox;

/// <summary>Marks that a consumer has handled an event, so a redelivery is ignored.</summary>
public sealed class InboxMessage
{
    public Guid EventId { get; init; }

    public required string Consumer { get; init; }

    public DateTimeOffset HandledAt { get; init; }
}
