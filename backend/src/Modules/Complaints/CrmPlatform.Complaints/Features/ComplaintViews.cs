using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Complaints.Persistence;
using CrmPlatform.Identity.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Complaints.Features;

/// <param name="PromisedAt">承诺时间: the SLA's time from intake, what the customer was promised once acknowledged.</param>
/// <param name="Overdue">Not yet resolved and past its promised time.</param>
/// <param name="BreachedAt">When the SLA watch found it past its promised time and told the manager.</param>
/// <param name="EscalatedAt">When the breach went on to the directors.</param>
/// <param name="Version">Row version: If-Match for a change.</param>
public sealed record ComplaintDto(
    Guid Id,
    Guid CustomerId,
    string CustomerName,
    bool KeyCustomer,
    ComplaintChannel Channel,
    ComplaintSeverity Severity,
    string Title,
    string Description,
    string? Product,
    string? ContactName,
    DateTimeOffset ReceivedAt,
    Guid? MarketReportId,
    Guid? DealId,
    string? DealTitle,
    Guid ReceivedBy,
    string? ReceivedByName,
    Guid OwnerId,
    string? OwnerName,
    ComplaintStatus Status,
    DateTimeOffset? AcknowledgedAt,
    ComplaintChannel? AcknowledgedVia,
    DateTimeOffset PromisedAt,
    bool Overdue,
    DateTimeOffset? BreachedAt,
    DateTimeOffset? EscalatedAt,
    ResolutionKind? ResolutionKind,
    string? ResolutionDescription,
    decimal? ResolutionCost,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    int ReopenCount,
    string? CauseKey,
    string? CauseNote,
    string? PreventionAction,
    Guid? PreventionOwnerId,
    string? PreventionOwnerName,
    DateOnly? PreventionDueOn,
    DateTimeOffset? PreventionDoneAt,
    uint Version);

/// <param name="OwnerId">Who handled the complaint after the step.</param>
/// <param name="By">Null for the system (a breach, an escalation).</param>
/// <param name="Channel">How the customer was reached, for a customer update.</param>
/// <param name="AnswerId">The standard answer given, for an answer step (the note is its question as given).</param>
/// <param name="AnswerEdition">Its edition then: <c>GET /complaints/answers/{answerId}/editions</c> has its words.</param>
public sealed record ComplaintStepDto(
    ComplaintStepKind Kind,
    ComplaintStatus Status,
    Guid OwnerId,
    string? OwnerName,
    string? Note,
    ComplaintChannel? Channel,
    Guid? By,
    string? ByName,
    DateTimeOffset At,
    Guid? AnswerId,
    int? AnswerEdition);

/// <summary>
/// Who sees which complaints: service staff, directors and admins all; a rep the complaints of the customers they own; a
/// manager those of the team's customers (the customer's scope, as it stands). An archived customer's complaints are gone
/// with it. Out of scope is absent (404).
/// </summary>
internal sealed class ComplaintViews(ComplaintsDbContext db, ICurrentUser currentUser, IUserDirectory users, TimeProvider clock)
{
    public IQueryable<Complaint> Visible(IQueryable<Complaint>? complaints = null) =>
        (complaints ?? db.Complaints).VisibleTo(currentUser, c => c.CustomerOwnerId, c => c.CustomerTeamId).Where(c => !c.CustomerArchived);

    /// <summary>The complaint a command may change, tracked: visible (else 404) and at the version the caller last read (else 412).</summary>
    public async Task<Result<Complaint>> LoadForChangeAsync(Guid id, uint expectedVersion, CancellationToken cancellationToken)
    {
        var complaint = await Visible().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return complaint is null ? Error.NotFound("complaint", id) : complaint.Version == expectedVersion ? complaint : Error.StaleVersion;
    }

    public async Task<ComplaintDto?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await Visible().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } complaint ? (await ToDtosAsync([complaint], cancellationToken))[0] : null;

    public async Task<IReadOnlyList<ComplaintDto>> ToDtosAsync(IReadOnlyList<Complaint> complaints, CancellationToken cancellationToken)
    {
        var names = await users.DisplayNamesAsync(
            [.. complaints.SelectMany(c => new[] { c.OwnerId, c.ReceivedBy, c.PreventionOwnerId ?? c.OwnerId }).Distinct()], cancellationToken);
        var now = clock.GetUtcNow();
        return
        [
            .. complaints.Select(c => new ComplaintDto(
                c.Id, c.CustomerId, c.CustomerName, c.KeyCustomer, c.Channel, c.Severity, c.Title, c.Description, c.Product, c.ContactName,
                c.ReceivedAt, c.MarketReportId, c.DealId, c.DealTitle, c.ReceivedBy, names.GetValueOrDefault(c.ReceivedBy), c.OwnerId, names.GetValueOrDefault(c.OwnerId), c.Status,
                c.AcknowledgedAt, c.AcknowledgedVia, c.PromisedAt, c.IsOverdue(now), c.BreachedAt, c.EscalatedAt, c.ResolutionKind, c.ResolutionDescription, c.ResolutionCost,
                c.ResolvedAt, c.ClosedAt, c.ReopenCount, c.CauseKey, c.CauseNote, c.PreventionAction, c.PreventionOwnerId,
                c.PreventionOwnerId is { } preventer ? names.GetValueOrDefault(preventer) : null, c.PreventionDueOn, c.PreventionDoneAt, c.Version)),
        ];
    }
}
