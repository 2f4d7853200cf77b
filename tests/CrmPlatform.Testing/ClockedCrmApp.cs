using CrmPlatform.BuildingBlocks.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CrmPlatform.Testing;

/// <summary>
/// The API on a clock the test moves (a FakeTimeProvider that starts at the real now). Sign-ins live eight hours of this
/// clock: sign in again (<see cref="CrmApp.ForgetSignIns"/>) after moving it far.
/// </summary>
public class ClockedCrmApp : CrmApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Runs the daily jobs due at the clock's time and every recurring job, as the host's runner does each minute.</summary>
    public Task<IReadOnlyList<string>> RunJobsAsync() =>
        new DailyJobRunner(Factory.Services.GetRequiredService<IServiceScopeFactory>(), Clock, NullLogger<DailyJobRunner>.Instance).RunDueAsync(CancellationToken.None);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
