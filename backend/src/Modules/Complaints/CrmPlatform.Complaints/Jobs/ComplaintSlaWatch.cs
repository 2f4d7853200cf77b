using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Complaints.Features;
using CrmPlatform.Complaints.Persistence;
using CrmPlatform.Identity.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Complaints.Jobs;

/// <summary>
/// The SLA clock, every minute: an open complaint whose promised time is near warns its owner; one past it is recorded as
/// breached and its customer's team manager is told (the directors when the customer has no team); one still open a
/// while after the breach goes to the directors. Each happens once per promise: the complaint's row records it, and a
/// run that loses a race to another instance fails on the row's version and sends nothing.
/// </summary>
internal sealed class ComplaintSlaWatch(ComplaintsDbContext db, IUserDirectory users, IOptions<ComplaintsOptions> options) : IRecurringJob
{
    public const string NearTopic = "complaints.nearPromise";
    public const string BreachedTopic = "complaints.breached";
    public const string EscalatedTopic = "complaints.escalated";

    /// <summary>Complaints handled per run; the rest wait a minute.</summary>
    private const int Batch = 200;

    public string Name => "complaints.sla";

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sla = options.Value;
        var (warnBefore, escalateAfter) = (TimeSpan.FromHours(sla.WarnBeforeHours), TimeSpan.FromHours(sla.EscalateToDirectorAfterHours));
        var (warnUntil, breachedBefore) = (now + warnBefore, now - escalateAfter);
        var due = await db.Complaints
            .Where(c => c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed && !c.CustomerArchived)
            .Where(c => (c.WarnedAt == null && c.PromisedAt <= warnUntil)
                || (c.BreachedAt == null && c.PromisedAt < now)
                || (c.EscalatedAt == null && c.BreachedAt <= breachedBefore))
            .OrderBy(c => c.PromisedAt).ThenBy(c => c.Id)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        var organisation = await users.OrganisationAsync(cancellationToken);
        var directors = await users.SupervisorsAsync(null, cancellationToken);
        foreach (var complaint in due)
        {
            if (complaint.WarnOwner(now, warnBefore))
            {
                Notify([complaint.OwnerId], NearTopic, complaint, now);
            }

            if (complaint.RecordBreach(now))
            {
                var managers = complaint.CustomerTeamId is { } teamId
                    ? organisation.Team(teamId)?.Members.Where(m => m.Role == Roles.Manager).Select(m => m.Id).ToList() ?? []
                    : [];
                Notify(managers.Count > 0 ? managers : directors, BreachedTopic, complaint, now);
            }

            if (complaint.Escalate(now, escalateAfter))
            {
                Notify(directors, EscalatedTopic, complaint, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void Notify(IEnumerable<Guid> people, string topic, Complaint complaint, DateTimeOffset now)
    {
        var data = new Dictionary<string, string>
        {
            ["customerName"] = complaint.CustomerName,
            ["title"] = complaint.Title,
            ["promisedAt"] = complaint.PromisedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var person in people.Distinct())
        {
            db.Publish(new NotifyUser(
                Guid.CreateVersion7(now), now, person, topic, data, $"/complaints/{complaint.Id}", $"{topic}:{complaint.Id}:{complaint.PromisedAt.ToUnixTimeSeconds()}"));
        }
    }
}
