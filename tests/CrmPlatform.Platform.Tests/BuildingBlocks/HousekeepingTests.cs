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
