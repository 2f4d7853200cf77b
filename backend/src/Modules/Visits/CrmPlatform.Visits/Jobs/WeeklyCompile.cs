using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.Identity.Contracts;
using CrmPlatform.Visits.Features;

namespace CrmPlatform.Visits.Jobs;

/// <summary>
/// Mondays at 00:00 in China (Sunday 16:00 UTC), compiles last week's progress report for every team, so managers find it
/// waiting for their plan and comments. Other days it does nothing; run again, it counts the drafts again.
/// </summary>
internal sealed class WeeklyCompile(WeeklyCompiler compiler, IUserDirectory users) : IDailyJob
{
    public string Name => "visits.weekly-compile";

    public TimeOnly At => TimeOnly.MinValue;

    public async Task RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (day.DayOfWeek != DayOfWeek.Monday)
        {
            return;
        }

        foreach (var team in (await users.OrganisationAsync(cancellationToken)).Regions.SelectMany(r => r.Teams))
        {
            await compiler.CompileAsync(team, day.AddDays(-7), cancellationToken);
        }
    }
}
