namespace CrmPlatform.BuildingBlocks.Persistence;

public static class DatabaseClock
{
    /// <summary>
    /// Now, truncated to PostgreSQL's microsecond precision, so what a command returns equals what
    /// a later read returns.
    /// </summary>
    public static DateTimeOffset GetDatabaseUtcNow(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
