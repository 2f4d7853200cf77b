using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;

namespace CrmPlatform.Visits.Domain;

/// <summary>How the rep spent the day (出勤).</summary>
public enum Attendance
{
    Present,
    BusinessTrip,
    Leave,
    SickLeave,
    DayOff,
}

/// <summary>Where a daily report stands: filed, or read and commented by the manager (批示).</summary>
public enum ReportStatus
{
    Submitted,
    Reviewed,
}

internal static class ReportLimits
{
    public const int Text = 2000;
    public const int Comment = 1000;
    public const int MaxCount = 1000;
    public const decimal MaxAmount = 999_999_999.99m;
}

/// <summary>The day's visits as the report counts them: how many, how many with an outcome, their cost and minutes.</summary>
internal sealed record DayVisits(int Visits, int EffectiveVisits, decimal Cost, int Minutes);

/// <summary>What the rep writes in the report: attendance, complaints, sales, and what they learned in the market.</summary>
internal sealed record ReportContent(
    Attendance Attendance,
    int ComplaintsHandled,
    string? ComplaintNotes,
    int Orders,
    decimal OrderAmount,
    decimal Collected,
    string? CompetitorInfo,
    string? CustomerFeedback,
    string? CustomerNews,
    string? Lessons);

/// <summary>
/// 每日销售报告表: a rep's report of a day, filed after work and read by their manager, who comments (批示). The visit
/// figures are counted from the day's visits when filed and when corrected; a report filed after the cut-off is late.
/// </summary>
internal sealed class DailyReport : IOwnedRecord, IAudited
{
    private DailyReport()
    {
    }

    public Guid Id { get; private init; }

    public Guid OwnerId { get; private init; }

    public Guid? TeamId { get; private init; }

    public DateOnly Day { get; private init; }

    public ReportContent Content { get; private set; } = null!;

    public DayVisits Visits { get; private set; } = null!;

    /// <summary>The rep's revenue target for the month, when Deals holds one, as it stood when the report was filed.</summary>
    public decimal? MonthTarget { get; private set; }

    /// <summary>Revenue from the month's start to the report's day, beside <see cref="MonthTarget"/>.</summary>
    public decimal? MonthAchieved { get; private set; }

    public ReportStatus Status { get; private set; }

    public DateTimeOffset SubmittedAt { get; private init; }

    /// <summary>Filed after the cut-off (e.g. 09:00 the next morning, China).</summary>
    public bool Late { get; private init; }

    public string? ReviewComment { get; private set; }

    public Guid? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    [NotAudited]
    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static DailyReport File(Guid repId, Guid? teamId, DateOnly day, ReportContent content, DayVisits visits, (decimal Target, decimal Achieved)? month, bool late, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OwnerId = repId,
        TeamId = teamId,
        Day = day,
        Content = content,
        Visits = visits,
        MonthTarget = month?.Target,
        MonthAchieved = month?.Achieved,
        Status = ReportStatus.Submitted,
        SubmittedAt = now,
        Late = late,
        UpdatedAt = now,
    };

    /// <summary>The rep corrects the report until the manager has commented on it.</summary>
    public Error? Correct(ReportContent content, DayVisits visits, DateTimeOffset now)
    {
        if (Status == ReportStatus.Reviewed)
        {
            return Error.Unprocessable("report.reviewed", "status", "The manager has commented on the report: it no longer changes.");
        }

        (Content, Visits, UpdatedAt) = (content, visits, now);
        return null;
    }

    public Error? Review(string comment, Guid by, DateTimeOffset now)
    {
        if (Status == ReportStatus.Reviewed)
        {
            return Error.Unprocessable("report.reviewed", "status", "The report already carries a comment.");
        }

        (Status, ReviewComment, ReviewedBy, ReviewedAt, UpdatedAt) = (ReportStatus.Reviewed, comment.Trim(), by, now, now);
        return null;
    }
}
