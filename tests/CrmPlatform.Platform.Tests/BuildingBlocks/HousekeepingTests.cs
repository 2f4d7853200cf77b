using CrmPlatform.BuildingBlocks.Idempotency;
using CrmPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmPlatform.Platform.Tests.BuildingBlocks;

public sealed class HousekeepingTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Expired_idempotency_records_and_long_delivered_outbox_messages_are_purged_and_the_rest_kept()
    {
        var now = DateTimeOffset.UtcNow;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            platform.IdempotencyRecords.AddRange(
                new IdempotencyRecord { Caller = "housekeeping", Key = "old", RequestHash = "h", CreatedAt = now.AddHours(-25) },
                new IdempotencyRecord { Caller = "housekeeping", Key = "fresh", RequestHash = "h", CreatedAt = now.AddHours(-1) });
            await platform.SaveChangesAsync();
        }

        await InsertOutboxAsync(processedAt: now.AddDays(-8), "old");
        await InsertOutboxAsync(processedAt: now.AddDays(-1), "recent");
        await InsertOutboxAsync(processedAt: null, "pending");

        await app.Factory.Services.GetServices<IHostedService>().OfType<Housekeeping>().Single().PurgeAsync(CancellationToken.None);

        await using var check = app.Factory.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<PlatformDbContext>().IdempotencyRecords.Where(r => r.Caller == "housekeeping").Select(r => r.Key).ToListAsync())
            .Should().Equal("fresh");
        (await OutboxTypesAsync()).Should().BeEquivalentTo(["recent", "pending"]);
    }

    [Fact]
    public async Task Unusable_sessions_and_forgotten_sign_in_counts_are_purged_and_live_ones_kept()
    {
        var live = Guid.CreateVersion7();
        var recentlyEnded = Guid.CreateVersion7();
        var expired = Guid.CreateVersion7();
        var longEnded = Guid.CreateVersion7();
        const string Insert = "INSERT INTO identity.sessions (id, user_id, created_at, expires_at, ended_at) SELECT @id, id, now() - interval '20 days', @expires, @ended FROM identity.users LIMIT 1";
        await Sql.ExecuteAsync(app.ConnectionString, Insert, ("id", live), ("expires", DateTimeOffset.UtcNow.AddDays(1)), ("ended", null));
        await Sql.ExecuteAsync(app.ConnectionString, Insert, ("id", recentlyEnded), ("expires", DateTimeOffset.UtcNow.AddDays(1)), ("ended", DateTimeOffset.UtcNow.AddDays(-1)));
        await Sql.ExecuteAsync(app.ConnectionString, Insert, ("id", expired), ("expires", DateTimeOffset.UtcNow.AddDays(-1)), ("ended", null));
        await Sql.ExecuteAsync(app.ConnectionString, Insert, ("id", longEnded), ("expires", DateTimeOffset.UtcNow.AddDays(1)), ("ended", DateTimeOffset.UtcNow.AddDays(-15)));
        await Sql.ExecuteAsync(app.ConnectionString, "INSERT INTO identity.login_attempts (key, attempts, last_attempt_at) VALUES ('account:OLD', 3, now() - interval '2 hours'), ('account:NEW', 3, now())");

        await app.Factory.Services.GetServices<IHostedService>().OfType<Housekeeping>().Single().PurgeAsync(CancellationToken.None);

        (await Sql.ScalarAsync<Guid[]>(app.ConnectionString, "SELECT coalesce(array_agg(id), '{}') FROM identity.sessions WHERE id = ANY(@ids)", ("ids", new[] { live, recentlyEnded, expired, longEnded })))
            .Should().BeEquivalentTo([live, recentlyEnded]);
        (await Sql.ScalarAsync<string[]>(app.ConnectionString, "SELECT coalesce(array_agg(key), '{}') FROM identity.login_attempts")).Should().Equal("account:NEW");
    }

    private Task InsertOutboxAsync(DateTimeOffset? processedAt, string type) =>
        Sql.ExecuteAsync(
            app.ConnectionString,
            "INSERT INTO deals.outbox_messages (id, type, payload, occurred_at, processed_at, attempts) VALUES (@id, @type, '{}', now(), @processed, 0)",
            ("id", Guid.CreateVersion7()),
            ("type", type),
            ("processed", processedAt));

    private Task<string[]> OutboxTypesAsync() =>
        Sql.ScalarAsync<string[]>(app.ConnectionString, "SELECT coalesce(array_agg(type), '{}') FROM deals.outbox_messages");
}
