using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Complaints.Domain;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Complaints.Features;

/// <summary>
/// Crm:Complaints:Sla — how long a complaint may take by severity, for key and for general customers, counted in
/// calendar hours or in business hours (China time, Monday to Friday, <see cref="DayStart"/> to <see cref="DayEnd"/>;
/// public holidays are not known and count as working days); when its owner is warned, and how long after a breach the
/// directors are told.
/// </summary>
public sealed class ComplaintsOptions
{
    public SlaHours KeyCustomer { get; set; } = new() { Critical = 24, Major = 48, Minor = 72 };

    public SlaHours GeneralCustomer { get; set; } = new() { Critical = 48, Major = 72, Minor = 120 };

    public bool BusinessHours { get; set; }

    public TimeOnly DayStart { get; set; } = new(9, 0);

    public TimeOnly DayEnd { get; set; } = new(18, 0);

    public int WarnBeforeHours { get; set; } = 4;

    public int EscalateToDirectorAfterHours { get; set; } = 24;
}

public sealed class SlaHours
{
    public int Critical { get; set; }

    public int Major { get; set; }

    public int Minor { get; set; }

    public int For(ComplaintSeverity severity) => severity switch
    {
        ComplaintSeverity.Critical => Critical,
        ComplaintSeverity.Major => Major,
        _ => Minor,
    };
}

/// <summary>The SLA's clock: when a complaint received at a moment is due, in calendar or business hours.</summary>
internal sealed class SlaClock(IOptions<ComplaintsOptions> options)
{
    public DateTimeOffset DueAt(DateTimeOffset receivedAt, ComplaintSeverity severity, bool keyCustomer)
    {
        var sla = options.Value;
        var hours = TimeSpan.FromHours((keyCustomer ? sla.KeyCustomer : sla.GeneralCustomer).For(severity));
        return sla.BusinessHours ? AddBusinessHours(receivedAt, hours, sla.DayStart, sla.DayEnd) : (receivedAt + hours).ToUniversalTime();
    }

    /// <summary>
    /// Counts <paramref name="duration"/> of working time from <paramref name="from"/>: only weekdays between the day's
    /// start and end in China count, so time received in the evening or at a weekend starts at the next opening.
    /// </summary>
    public static DateTimeOffset AddBusinessHours(DateTimeOffset from, TimeSpan duration, TimeOnly dayStart, TimeOnly dayEnd)
    {
        var at = from.ToOffset(ChinaTime.Offset);
        var remaining = duration;
        while (true)
        {
            var day = DateOnly.FromDateTime(at.DateTime);
            var (opens, closes) = (Moment(day, dayStart), Moment(day, dayEnd));
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || at >= closes)
            {
                at = Moment(day.AddDays(1), dayStart);
                continue;
            }

            if (at < opens)
            {
                at = opens;
            }

            if (remaining <= closes - at)
            {
                return (at + remaining).ToUniversalTime();
            }

            remaining -= closes - at;
            at = Moment(day.AddDays(1), dayStart);
        }
    }

    private static DateTimeOffset Moment(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), ChinaTime.Offset);
}
