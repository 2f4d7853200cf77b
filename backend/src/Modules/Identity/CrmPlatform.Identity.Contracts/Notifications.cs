using CrmPlatform.BuildingBlocks.Outbox;

namespace CrmPlatform.Identity.Contracts;

/// <summary>
/// Tells a user something in the app (the bell). Any module raises one by publishing this event from its
/// own outbox, in the transaction of whatever caused it. The words are not sent: the <paramref name="Topic"/>
/// (e.g. <c>customers.keyDateToday</c>) and its <paramref name="Data"/> are, and each client shows them in
/// its user's language.
/// </summary>
/// <param name="Data">The facts the text needs (a customer's name, a date), by name.</param>
/// <param name="Link">Where the notification leads in the app, e.g. <c>/customers/{id}</c>.</param>
/// <param name="DedupeKey">The same key for the same user is one notification, however often it is raised (a job that runs again).</param>
public sealed record NotifyUser(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid UserId,
    string Topic,
    IReadOnlyDictionary<string, string> Data,
    string? Link,
    string DedupeKey) : IntegrationEvent(EventId, OccurredAt);
