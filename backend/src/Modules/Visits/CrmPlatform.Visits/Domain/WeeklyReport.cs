using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Results;

namespace CrmPlatform.Visits.Domain;

public enum WeeklyReportStatus
{
    Draft,
    Submitted,
}

internal static class WeeklyLimits
{
    public const int Text = 4000;
    public const int AbnormalCustomers = 50;
}

/// <summary>
/// 周进度控制: a team's week, compiled from the data every Monday (and on demand while it is a draft) — the figures are a
/// snapshot of what was recorded when compiled. The manager adds the plan, comments and next week's target, and submits
/// it to the directors; a submitted report no longer changes.
/// </summary>
internal sealed class WeeklyReport : IAudited
{
    private WeeklyReport()
    {
    }

    public Guid Id { get; private init; }

    public Guid TeamId { get; private init; }

    /// <summary>The week's Monday.</summary>
    public DateOnly WeekStart { get; private init; }

    public WeeklyReportStatus Status { get; private set; }

    /// <summary>What was counted, as a whole (jsonb): read and shown together, never queried by part.</summary>
    [NotAudited]
    public string Figures { get; private set; } = "{}";

    public DateTimeOffset CompiledAt { get; private set; }

    /// <summary>The manager's plan for next week (下周计划).</summary>
    public string? Plan { get; private set; }

    public string? Comment { get; private set; }

    public decimal? NextWeekTarget { get; private set; }

    public Guid? SubmittedBy { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public uint Version { get; private set; }

    public static WeeklyReport Compiled(Guid teamId, DateOnly weekStart, string figures, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TeamId = teamId,
        WeekStart = weekStart,
        Status = WeeklyReportStatus.Draft,
        Figures = figures,
        CompiledAt = now,
    };

    /// <summary>Counts the week again; a submitted report keeps what it was submitted with.</summary>
    public bool Recompile(string figures, DateTimeOffset now)
    {
        if (Status == WeeklyReportStatus.Submitted)
        {
            return false;
        }

        (Figures, CompiledAt) = (figures, now);
        return true;
    }

    public Error? Write(string? plan, string? comment, decimal? nextWeekTarget)
    {
        if (Status == WeeklyReportStatus.Submitted)
        {
            return Error.Unprocessable("weekly.submitted", "status", "The report is submitted: it no longer changes.");
        }

        (Plan, Comment, NextWeekTarget) = (plan, comment, nextWeekTarget);
        return null;
    }

    public Error? Submit(Guid by, DateTimeOffset now)
    {
        if (Status == WeeklyReportStatus.Submitted)
        {
            return Error.Unprocessable("weekly.submitted", "status", "The report is already submitted.");
        }

        if (Plan is null)
        {
            return Error.Unprocessable("weekly.no_plan", "plan", "Write next week's plan before submitting the report.");
        }

        (Status, SubmittedBy, SubmittedAt) = (WeeklyReportStatus.Submitted, by, now);
        return null;
    }
}
