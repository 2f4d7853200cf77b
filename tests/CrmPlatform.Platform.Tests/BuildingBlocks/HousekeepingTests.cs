using CrmPlatform.BuildingBlocks.Idempotency;
using CrmPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

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

    private async Task InsertOutboxAsync(DateTimeOffset? processedAt, string type)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO deals.outbox_messages (id, type, payload, occurred_at, processed_at, attempts) VALUES (@id, @type, '{}', now(), @processed, 0)", connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("type", type);
        command.Parameters.AddWithValue("processed", processedAt is null ? DBNull.Value : processedAt.Value);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> OutboxTypesAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT type FROM deals.outbox_messages", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var types = new List<string>();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }
}
