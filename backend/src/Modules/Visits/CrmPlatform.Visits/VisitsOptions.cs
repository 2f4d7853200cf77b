namespace CrmPlatform.Visits;

/// <summary>Crm:Visits — when a day's report is due (<see cref="ReportDueDaysAfter"/> days after the day, at <see cref="ReportDueAt"/>, China), and the monthly visit norm.</summary>
public sealed class VisitsOptions
{
    /// <summary>A report is filed after work; by default it is due the next morning.</summary>
    public int ReportDueDaysAfter { get; set; } = 1;

    public TimeOnly ReportDueAt { get; set; } = new(9, 0);

    /// <summary>
    /// Visits a rep is expected to make in a month; the manager's and director's views flag reps below it. Seed 000 blames
    /// a department's failure on about nine a month.
    /// </summary>
    public int MonthlyVisitNorm { get; set; } = 40;
}
