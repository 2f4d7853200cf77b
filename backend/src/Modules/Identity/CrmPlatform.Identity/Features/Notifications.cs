using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Idempotency;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Identity.Contracts;
using CrmPlatform.Identity.Domain;
using CrmPlatform.Identity.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Identity.Features;

/// <param name="Topic">What it is about (e.g. <c>customers.keyDateToday</c>); with <paramref name="Data"/>, what the client shows in its language.</param>
/// <param name="Link">Where it leads in the app.</param>
/// <param name="ReadAt">When the user read it; null while unread.</param>
public sealed record NotificationDto(Guid Id, string Topic, IReadOnlyDictionary<string, string> Data, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record UnreadNotificationsDto(int Count);

/// <summary>The query string of <c>GET /me/notifications</c>.</summary>
/// <param name="UnreadOnly">Only the unread ones.</param>
/// <param name="Cursor">The nextCursor of the previous page, unchanged.</param>
/// <param name="Limit">Notifications per page, 1 to 200; 50 when omitted.</param>
public sealed record ListNotificationsQuery(bool? UnreadOnly, string? Cursor, int? Limit) : IQuery<Result<Page<NotificationDto>>>;

public sealed record CountUnreadNotificationsQuery : IQuery<Result<UnreadNotificationsDto>>;

public sealed record MarkNotificationReadCommand(Guid Id) : ICommand<Result<Unit>>;

public sealed record MarkAllNotificationsReadCommand : ICommand<Result<Unit>>;

internal sealed class ListNotificationsValidator : AbstractValidator<ListNotificationsQuery>
{
    public ListNotificationsValidator()
    {
        RuleFor(q => q.Limit).PageLimit();
        RuleFor(q => q.Cursor).CursorOf(q => q.UnreadOnly == true ? ListNotificationsHandler.UnreadSort : ListNotificationsHandler.Sort);
    }
}

/// <summary>The caller's own notifications, newest first: nobody reads another user's.</summary>
internal sealed class ListNotificationsHandler(CrmIdentityDbContext db, ICurrentUser currentUser) : IQueryHandler<ListNotificationsQuery, Result<Page<NotificationDto>>>
{
    public const string Sort = "notifications";
    public const string UnreadSort = "unreadNotifications";

    public async ValueTask<Result<Page<NotificationDto>>> Handle(ListNotificationsQuery query, CancellationToken cancellationToken)
    {
        var sort = query.UnreadOnly == true ? UnreadSort : Sort;
        var limit = query.Limit ?? PageLimits.Default;
        Cursor.TryDecode(query.Cursor, sort, out var after);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == currentUser.Id);
        if (query.UnreadOnly == true)
        {
            mine = mine.Where(n => n.ReadAt == null);
        }

        var rows = await mine.PageAfter(n => n.Id, descending: true, after).Take(limit + 1)
            .Select(n => new NotificationDto(n.Id, n.Topic, n.Data, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return Page.FromOverfetch(rows, limit, last => new Cursor(sort, null, last.Id));
    }
}

internal sealed class CountUnreadNotificationsHandler(CrmIdentityDbContext db, ICurrentUser currentUser)
    : IQueryHandler<CountUnreadNotificationsQuery, Result<UnreadNotificationsDto>>
{
    public async ValueTask<Result<UnreadNotificationsDto>> Handle(CountUnreadNotificationsQuery query, CancellationToken cancellationToken) =>
        new UnreadNotificationsDto(await db.Notifications.CountAsync(n => n.UserId == currentUser.Id && n.ReadAt == null, cancellationToken));
}

internal sealed class MarkNotificationReadHandler(CrmIdentityDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<MarkNotificationReadCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(MarkNotificationReadCommand command, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == command.Id && n.UserId == currentUser.Id, cancellationToken);
        if (notification is null)
        {
            return Error.NotFound("notification", command.Id);
        }

        notification.ReadAt ??= clock.GetDatabaseUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal sealed class MarkAllNotificationsReadHandler(CrmIdentityDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<MarkAllNotificationsReadCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(MarkAllNotificationsReadCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetDatabaseUtcNow();
        await db.Notifications.Where(n => n.UserId == currentUser.Id && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// Where a notification goes once raised. In the app (the bell) is the one there is; email or SMS would be
/// another implementation registered beside it.
/// </summary>
internal interface INotificationSender
{
    Task SendAsync(NotifyUser notification, CancellationToken cancellationToken);
}

/// <summary>Keeps the notification for the user's bell: once per dedupe key, however often it is raised or delivered.</summary>
internal sealed class InAppNotifications(CrmIdentityDbContext db) : INotificationSender
{
    public async Task SendAsync(NotifyUser notification, CancellationToken cancellationToken)
    {
        var data = NotificationData.Converter.ConvertToProvider(new Dictionary<string, string>(notification.Data));
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO identity.notifications (id, user_id, topic, data, link, created_at, dedupe_key)
            VALUES ({Guid.CreateVersion7(notification.OccurredAt)}, {notification.UserId}, {notification.Topic}, {data}::jsonb,
                    {notification.Link}, {notification.OccurredAt}, {notification.DedupeKey})
            ON CONFLICT (user_id, dedupe_key) DO NOTHING
            """,
            cancellationToken);
    }
}

/// <summary>Hands each <see cref="NotifyUser"/> event to every sender.</summary>
internal sealed class NotificationDispatcher(IEnumerable<INotificationSender> senders) : IIntegrationEventHandler<NotifyUser>
{
    public async Task HandleAsync(NotifyUser notification, CancellationToken cancellationToken)
    {
        foreach (var sender in senders)
        {
            await sender.SendAsync(notification, cancellationToken);
        }
    }
}

internal static class NotificationEndpoints
{
    public static void Map(IEndpointRouteBuilder me)
    {
        var notifications = me.MapGroup("/notifications").WithMetadata(new ExcludeFromIdempotencyAttribute());
        notifications.MapGet("/", async ([AsParameters] ListNotificationsQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Me_ListNotifications")
            .WithSummary("Your notifications, newest first (unreadOnly for the unread ones), keyset pages")
            .ProducesValidationProblem();

        notifications.MapGet("/unread-count", async (IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new CountUnreadNotificationsQuery(), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("Me_CountUnreadNotifications")
            .WithSummary("How many of your notifications are unread: the bell's number");

        notifications.MapPost("/{id:guid}/read", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new MarkNotificationReadCommand(id), cancellationToken)).ToHttp(_ => TypedResults.NoContent()))
            .WithName("Me_MarkNotificationRead")
            .WithSummary("Mark one of your notifications read (again: no change)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        notifications.MapPost("/read", async (IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new MarkAllNotificationsReadCommand(), cancellationToken)).ToHttp(_ => TypedResults.NoContent()))
            .WithName("Me_MarkAllNotificationsRead")
            .WithSummary("Mark all your notifications read");
    }
}
