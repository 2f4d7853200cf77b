namespace CrmPlatform.Testing;

/// <summary>
/// Days as the API counts them (Asia/Shanghai), for tests that compare days they work out with days the server works
/// out. Such a test waits out the last minutes before midnight first, so both sides count the same day throughout.
/// </summary>
public static class ChinaDay
{
    /// <summary>Longer than any one test takes on a loaded machine.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    public static DateOnly Today() => DateOnly.FromDateTime(Now().DateTime);

    /// <summary>Returns at once, unless midnight in China is less than <see cref="Margin"/> away: then just after it.</summary>
    public static Task SteerClearOfMidnightAsync()
    {
        var now = Now();
        var left = new DateTimeOffset(now.Date.AddDays(1), now.Offset) - now;
        return left < Margin ? Task.Delay(left + TimeSpan.FromSeconds(1)) : Task.CompletedTask;
    }

    private static DateTimeOffset Now() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
}

/// <summary>A test class whose tests compare days with the server's: each test starts clear of midnight in China.</summary>
public abstract class DayBoundTests : Xunit.IAsyncLifetime
{
    public Task InitializeAsync() => ChinaDay.SteerClearOfMidnightAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
