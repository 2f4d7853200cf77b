namespace CrmPlatform.Visits;

/// <summary>Crm:Visits — when a day's report is due: <see cref="ReportDueDaysAfter"/> days after the day, at <see cref="ReportDueAt"/> (China).</summary>
public sealed class VisitsOptions
{
    /// <summary>A report is filed after work; by default it is due the next morning.</summary>
    public int ReportDueDaysAfter { get; set; } = 1;

    public TimeOnly ReportDueAt { get; set; } = new(9, 0);
}
