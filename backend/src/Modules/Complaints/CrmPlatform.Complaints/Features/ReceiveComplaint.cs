using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Complaints.Contracts;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Complaints.Persistence;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Contracts.Following;
using CrmPlatform.Deals.Contracts;
using CrmPlatform.Identity.Contracts;
using CrmPlatform.Visits.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Complaints.Features;

/// <summary>A complaint as received.</summary>
/// <param name="Product">The product (or deal) it is about, as the customer names it.</param>
/// <param name="ContactName">Who at the customer complained.</param>
/// <param name="ReceivedAt">When it reached us; now when omitted (never in the future).</param>
/// <param name="OwnerId">Who handles it: the receiver when service staff or a rep, else the customer's owner.</param>
/// <param name="MarketReportId">The market report (Visits) it is made from, with channel <c>marketReport</c>: one you can see, about the same customer, not turned into a complaint yet.</param>
/// <param name="DealId">The deal (Deals) it is about: one of the customer's that you can see.</param>
public sealed record ComplaintInput(
    Guid CustomerId,
    ComplaintChannel Channel,
    ComplaintSeverity Severity,
    [property: MaxLength(ComplaintLimits.Title)] string Title,
    [property: MaxLength(ComplaintLimits.Description)] string Description,
    [property: MaxLength(ComplaintLimits.Product)] string? Product,
    [property: MaxLength(ComplaintLimits.Contact)] string? ContactName,
    DateTimeOffset? ReceivedAt,
    Guid? OwnerId,
    Guid? MarketReportId = null,
    Guid? DealId = null);

public sealed record ReceiveComplaintCommand(ComplaintInput Complaint) : ICommand<Result<ComplaintDto>>;

internal sealed class ReceiveComplaintValidator : AbstractValidator<ReceiveComplaintCommand>
{
    public ReceiveComplaintValidator() => RuleFor(c => c.Complaint).ChildRules(complaint =>
    {
        complaint.RuleFor(c => c.CustomerId).NotEmpty();
        complaint.RuleFor(c => c.Channel).IsInEnum();
        complaint.RuleFor(c => c.Severity).IsInEnum();
        complaint.RuleFor(c => c.Title).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(ComplaintLimits.Title).Must(t => t.Trim().Length > 0).WithMessage("Say what the complaint is about.");
        complaint.RuleFor(c => c.Description).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(ComplaintLimits.Description).Must(d => d.Trim().Length > 0).WithMessage("Write down what the customer said.");
        complaint.RuleFor(c => c.Product).MaximumLength(ComplaintLimits.Product);
        complaint.RuleFor(c => c.ContactName).MaximumLength(ComplaintLimits.Contact);
        complaint.RuleFor(c => c.OwnerId).NotEqual(Guid.Empty).When(c => c.OwnerId is not null);
        complaint.RuleFor(c => c.DealId).NotEqual(Guid.Empty).When(c => c.DealId is not null);
        complaint.RuleFor(c => c.ReceivedAt).GreaterThanOrEqualTo(new DateTimeOffset(CalendarLimits.Earliest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
            .When(c => c.ReceivedAt is not null);
        complaint.RuleFor(c => c.Channel).Equal(ComplaintChannel.MarketReport).When(c => c.MarketReportId is not null)
            .WithMessage("A complaint made from a market report has the channel marketReport.");
    }).AtBodyRoot();
}

/// <summary>Who may handle a customer's complaint: service staff (or a director), the customer's rep, or a manager of its team.</summary>
internal sealed class ComplaintOwners(IUserDirectory users)
{
    public async Task<Error?> CheckAsync(Guid ownerId, CustomerScope customer, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(ownerId, cancellationToken);
        var fits = user?.Role switch
        {
            null => false,
            Roles.Service or Roles.Director => true,
            // A rep sees only the customers they own; a manager the team's.
            Roles.Rep => user.Id == customer.OwnerId,
            Roles.Manager => customer.TeamId is not null && user.TeamId == customer.TeamId,
            _ => false,
        };
        return fits ? null : Error.Unprocessable("complaint.owner_unfit", "ownerId", "A complaint is handled by service staff, or by a rep or manager who looks after the customer.");
    }
}

/// <summary>
/// Intake (受理): a complaint about a customer the caller can see, with whether the customer is key as Customers says, put on
/// the customer's timeline in the same transaction.
/// </summary>
internal sealed class ReceiveComplaintHandler(
    ComplaintsDbContext db,
    ICustomerDirectory customers,
    ComplaintOwners owners,
    ComplaintViews views,
    SlaClock sla,
    ICurrentUser currentUser,
    TimeProvider clock,
    IMarketReportDirectory? marketReports = null,
    IDealDirectory? deals = null)
    : ICommandHandler<ReceiveComplaintCommand, Result<ComplaintDto>>
{
    public const string Source = "complaints";

    public async ValueTask<Result<ComplaintDto>> Handle(ReceiveComplaintCommand command, CancellationToken cancellationToken)
    {
        var input = command.Complaint;
        var now = clock.GetDatabaseUtcNow();
        if (input.ReceivedAt > now)
        {
            return Error.Unprocessable("complaint.received_in_future", "receivedAt", "A complaint is recorded once it has been received.");
        }

        if (!(await customers.FindVisibleAsync([input.CustomerId], cancellationToken)).TryGetValue(input.CustomerId, out var card))
        {
            return Error.Unprocessable("complaint.customer_unknown", "customerId", $"No customer '{input.CustomerId}' exists that you can see.");
        }

        if (input.MarketReportId is { } reportId && await FromMarketReportAsync(reportId, input.CustomerId, cancellationToken) is { } unusable)
        {
            return unusable;
        }

        ComplaintDeal? deal = null;
        if (input.DealId is { } dealId)
        {
            var found = deals is null ? null : (await deals.FindVisibleAsync([dealId], cancellationToken)).GetValueOrDefault(dealId);
            if (found is null || found.CustomerId != input.CustomerId)
            {
                return Error.Unprocessable("complaint.deal_unknown", "dealId", "No deal of the customer that you can see has this id.");
            }

            deal = new ComplaintDeal(found.Id, found.Title);
        }

        var scope = await CustomerCopies.LockAsync(db, card, cancellationToken);
        var ownerId = input.OwnerId ?? (currentUser.Role is Roles.Service or Roles.Rep ? currentUser.Id : card.OwnerId);
        if (await owners.CheckAsync(ownerId, scope, cancellationToken) is { } unfit)
        {
            return unfit;
        }

        // Kept in UTC, whatever offset the client wrote.
        var intake = new ComplaintIntake(
            input.Channel, input.Severity, input.Title, input.Description, input.Product, input.ContactName, (input.ReceivedAt ?? now).ToUniversalTime(), input.MarketReportId, deal);
        var complaint = Complaint.Receive(scope, card.Name, card.Key, intake, sla.DueAt(intake.ReceivedAt, intake.Severity, card.Key), ownerId, currentUser.Id, now);
        db.Complaints.Add(complaint);
        db.Publish(new RecordInteraction(
            Guid.CreateVersion7(now), complaint.ReceivedAt, complaint.CustomerId, InteractionKind.Complaint, null, currentUser.Id, complaint.Title, null, null, Source));
        db.Publish(new ComplaintReceived(Guid.CreateVersion7(now), now, complaint.Id, complaint.CustomerId, complaint.MarketReportId));
        await db.SaveChangesAsync(cancellationToken);
        return await views.FindAsync(complaint.Id, cancellationToken) is { } received ? received : Error.NotFound("complaint", complaint.Id);
    }

    /// <summary>A market report becomes a complaint once, about the customer it named, when the caller can see it.</summary>
    private async Task<Error?> FromMarketReportAsync(Guid reportId, Guid customerId, CancellationToken cancellationToken)
    {
        var report = marketReports is null ? null : await marketReports.FindVisibleAsync(reportId, cancellationToken);
        if (report is null)
        {
            return Error.Unprocessable("complaint.market_report_unknown", "marketReportId", "No market report you can see has this id.");
        }

        if (report.CustomerId is { } reported && reported != customerId)
        {
            return Error.Unprocessable("complaint.market_report_customer", "customerId", "The market report is about another customer.");
        }

        var made = report.ComplaintId ?? await db.Complaints.Where(c => c.MarketReportId == reportId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        return made is { } complaintId
            ? Error.Unprocessable("complaint.market_report_used", "marketReportId", $"The market report was already turned into complaint '{complaintId}'.")
            : null;
    }
}

internal static class ReceiveComplaintEndpoint
{
    public static void Map(IEndpointRouteBuilder complaints) =>
        complaints.MapPost("/", async (ComplaintInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new ReceiveComplaintCommand(body), cancellationToken)).ToHttp(complaint =>
                {
                    response.SetETag(complaint.Version);
                    return TypedResults.Created($"/api/v1/complaints/{complaint.Id}", complaint);
                }))
            .RejectUnknownQuery()
            .WithName("Complaints_Receive")
            .WithSummary("Record a complaint about a customer you can see (受理); it goes on the customer's timeline")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
