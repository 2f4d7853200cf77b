using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Contracts.Following;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using CrmPlatform.Identity.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

/// <param name="Number">The invoice's own number (发票号), when there is one.</param>
/// <param name="Amount">Yuan, more than 0; the invoices of a deal add up to its amount at most.</param>
/// <param name="IssuedOn">Today (Asia/Shanghai) when omitted; never in the future.</param>
/// <param name="DueOn">On or after the day it was issued.</param>
public sealed record InvoiceInput([property: MaxLength(InvoiceLimits.Number)] string? Number, decimal Amount, DateOnly? IssuedOn, DateOnly DueOn);

/// <param name="ReceivedOn">Today (Asia/Shanghai) when omitted; never in the future.</param>
/// <param name="Method">How it was paid (转账, 现金, 承兑汇票…).</param>
public sealed record PaymentInput(
    decimal Amount, DateOnly? ReceivedOn, [property: MaxLength(InvoiceLimits.Method)] string? Method, [property: MaxLength(InvoiceLimits.Note)] string? Note);

public sealed record PaymentDto(Guid Id, decimal Amount, DateOnly ReceivedOn, string? Method, string? Note, Guid RecordedBy, DateTimeOffset RecordedAt);

/// <summary>An invoice with what has been paid against it.</summary>
/// <param name="Outstanding">Amount − paid.</param>
/// <param name="DaysOverdue">Days past the due day (Asia/Shanghai) while anything is outstanding; 0 otherwise.</param>
/// <param name="Version">Row version: it changes with every payment (payments need no If-Match; the invoice's row is locked while one is recorded).</param>
public sealed record InvoiceDto(
    Guid Id,
    Guid DealId,
    string DealTitle,
    Guid CustomerId,
    string CustomerName,
    Guid OwnerId,
    Guid? TeamId,
    string? Number,
    decimal Amount,
    decimal Paid,
    decimal Outstanding,
    string Currency,
    DateOnly IssuedOn,
    DateOnly DueOn,
    int DaysOverdue,
    IReadOnlyList<PaymentDto> Payments,
    uint Version)
{
    public string? OwnerName { get; init; }
}

public sealed record IssueInvoiceCommand(Guid DealId, InvoiceInput Invoice) : ICommand<Result<InvoiceDto>>;

public sealed record RecordPaymentCommand(Guid InvoiceId, PaymentInput Payment) : ICommand<Result<InvoiceDto>>;

public sealed record DealInvoicesQuery(Guid Id) : IQuery<Result<IReadOnlyList<InvoiceDto>>>;

/// <summary>Which invoices a collections list shows.</summary>
public enum InvoiceState
{
    /// <summary>Anything still to be paid (the default).</summary>
    Outstanding,

    /// <summary>Outstanding and past its due day.</summary>
    Overdue,

    Paid,
    All,
}

/// <summary>The query string of <c>GET /collections/invoices</c>.</summary>
/// <param name="State">Outstanding when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page, unchanged.</param>
/// <param name="Limit">Rows per page, 1 to 200; 50 when omitted.</param>
public sealed record ListInvoicesQuery(QueryEnum<InvoiceState>? State, Guid? CustomerId, Guid? OwnerId, Guid? TeamId, string? Cursor, int? Limit)
    : IQuery<Result<Page<InvoiceDto>>>, IOwnerFilter;

/// <summary>How the ageing is grouped.</summary>
public enum AgeingGroup
{
    Rep,
    Team,
    Customer,
}

/// <summary>The query string of <c>GET /collections/ageing</c>.</summary>
/// <param name="GroupBy">Per rep when omitted.</param>
public sealed record AgeingQuery(QueryEnum<AgeingGroup>? GroupBy, Guid? OwnerId, Guid? TeamId) : IQuery<Result<AgeingDto>>, IOwnerFilter;

/// <summary>What is owed, and how long past due: not yet due, then 0–30, 31–60, 61–90 and over 90 days past the due day.</summary>
/// <param name="Id">The rep, team or customer; null for the total.</param>
/// <param name="Overdue">Everything past due: the four buckets together.</param>
public sealed record AgeingRowDto(
    Guid? Id, string? Name, decimal Outstanding, decimal NotDue, decimal Days0To30, decimal Days31To60, decimal Days61To90, decimal Over90, decimal Overdue, int Invoices);

/// <param name="AsOf">The day the ages are counted to (today, Asia/Shanghai).</param>
/// <param name="Rows">Most outstanding first; at most 200 (the total counts every invoice).</param>
public sealed record AgeingDto(DateOnly AsOf, string Currency, AgeingGroup GroupBy, AgeingRowDto Total, IReadOnlyList<AgeingRowDto> Rows);

internal sealed class IssueInvoiceValidator : AbstractValidator<IssueInvoiceCommand>
{
    public IssueInvoiceValidator(TimeProvider clock) => RuleFor(c => c.Invoice).ChildRules(invoice =>
    {
        invoice.RuleFor(i => i.Number).MaximumLength(InvoiceLimits.Number);
        invoice.RuleFor(i => i.IssuedOn).LessThanOrEqualTo(_ => ChinaTime.Today(clock)).When(i => i.IssuedOn is not null)
            .WithMessage("An invoice is recorded once it has been issued: not in the future.");
        invoice.RuleFor(i => i.Amount).GreaterThan(0).MoneyAmount();
        invoice.RuleFor(i => i.DueOn).GreaterThanOrEqualTo(i => i.IssuedOn!.Value).When(i => i.IssuedOn is not null)
            .WithMessage("An invoice falls due on or after the day it was issued.");
    }).AtBodyRoot();
}

internal sealed class RecordPaymentValidator : AbstractValidator<RecordPaymentCommand>
{
    public RecordPaymentValidator(TimeProvider clock) => RuleFor(c => c.Payment).ChildRules(payment =>
    {
        payment.RuleFor(p => p.Amount).GreaterThan(0).MoneyAmount();
        payment.RuleFor(p => p.ReceivedOn).LessThanOrEqualTo(_ => ChinaTime.Today(clock)).When(p => p.ReceivedOn is not null)
            .WithMessage("A payment is recorded once it has come: not in the future.");
        payment.RuleFor(p => p.Method).MaximumLength(InvoiceLimits.Method);
        payment.RuleFor(p => p.Note).MaximumLength(InvoiceLimits.Note);
    }).AtBodyRoot();
}

internal sealed class ListInvoicesValidator : AbstractValidator<ListInvoicesQuery>
{
    public const string Sort = "invoices";

    public ListInvoicesValidator()
    {
        RuleFor(q => q.Limit).PageLimit();
        RuleFor(q => q.Cursor).CursorOf(_ => Sort);
    }
}

/// <summary>
/// An invoice on a won deal the caller can see. The deal's row is locked first, so two invoices written at once cannot
/// together bill more than the deal's amount.
/// </summary>
internal sealed class IssueInvoiceHandler(DealsDbContext db, DealViews views, Collections collections, TimeProvider clock)
    : ICommandHandler<IssueInvoiceCommand, Result<InvoiceDto>>
{
    public async ValueTask<Result<InvoiceDto>> Handle(IssueInvoiceCommand command, CancellationToken cancellationToken)
    {
        var deal = await views.Visible(db.Deals.FromSql($"SELECT *, xmin FROM deals.deals WHERE id = {command.DealId} FOR NO KEY UPDATE"))
            .SingleOrDefaultAsync(cancellationToken);
        if (deal is null)
        {
            return Error.NotFound("deal", command.DealId);
        }

        if (deal.Status != DealStatus.Won)
        {
            return Error.Unprocessable("invoice.deal_not_won", "dealId", "Only a won deal is invoiced.");
        }

        var input = command.Invoice;
        var now = clock.GetDatabaseUtcNow();
        var issuedOn = input.IssuedOn ?? ChinaTime.DayOf(now);
        if (input.DueOn < issuedOn)
        {
            return Error.Validation("dueOn", "An invoice falls due on or after the day it was issued.");
        }

        var invoiced = await db.Invoices.Where(i => i.DealId == deal.Id).SumAsync(i => i.Amount, cancellationToken);
        if (invoiced + input.Amount > deal.Amount)
        {
            return Error.Unprocessable("invoice.exceeds_deal", "amount", string.Create(
                CultureInfo.InvariantCulture, $"The deal's invoices would come to more than its amount: {deal.Amount - invoiced:0.00} is left to invoice."));
        }

        var invoice = Invoice.Issue(deal, input.Number, input.Amount, issuedOn, input.DueOn, now);
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync(cancellationToken);
        return (await collections.ReadAsync(db.Invoices.Where(i => i.Id == invoice.Id), cancellationToken))[0];
    }
}

/// <summary>A payment, partial or whole, on an invoice the caller can see; the invoice's row is locked first so two payments never overpay it.</summary>
internal sealed class RecordPaymentHandler(DealsDbContext db, Collections collections, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordPaymentCommand, Result<InvoiceDto>>
{
    public async ValueTask<Result<InvoiceDto>> Handle(RecordPaymentCommand command, CancellationToken cancellationToken)
    {
        var invoice = await collections.Visible(db.Invoices.FromSql($"SELECT *, xmin FROM deals.invoices WHERE id = {command.InvoiceId} FOR NO KEY UPDATE"))
            .SingleOrDefaultAsync(cancellationToken);
        if (invoice is null)
        {
            return Error.NotFound("invoice", command.InvoiceId);
        }

        var input = command.Payment;
        var now = clock.GetDatabaseUtcNow();
        if (invoice.Receive(input.Amount, input.ReceivedOn ?? ChinaTime.DayOf(now), input.Method, input.Note, currentUser.Id, now) is null)
        {
            return Error.Unprocessable("invoice.overpaid", "amount", string.Create(CultureInfo.InvariantCulture, $"Only {invoice.Outstanding:0.00} is outstanding on this invoice."));
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await collections.ReadAsync(db.Invoices.Where(i => i.Id == invoice.Id), cancellationToken))[0];
    }
}

internal sealed class DealInvoicesHandler(DealsDbContext db, DealViews views, Collections collections)
    : IQueryHandler<DealInvoicesQuery, Result<IReadOnlyList<InvoiceDto>>>
{
    public async ValueTask<Result<IReadOnlyList<InvoiceDto>>> Handle(DealInvoicesQuery query, CancellationToken cancellationToken) =>
        await views.CanSeeAsync(query.Id, cancellationToken)
            ? Result<IReadOnlyList<InvoiceDto>>.Success(await collections.ReadAsync(db.Invoices.Where(i => i.DealId == query.Id).OrderBy(i => i.Id), cancellationToken))
            : Error.NotFound("deal", query.Id);
}

internal sealed class ListInvoicesHandler(DealsDbContext db, Collections collections, TimeProvider clock) : IQueryHandler<ListInvoicesQuery, Result<Page<InvoiceDto>>>
{
    public async ValueTask<Result<Page<InvoiceDto>>> Handle(ListInvoicesQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? PageLimits.Default;
        Cursor.TryDecode(query.Cursor, ListInvoicesValidator.Sort, out var after);
        var today = ChinaTime.Today(clock);
        var invoices = collections.Visible(db.Invoices.AsNoTracking()).OwnedBy(query);
        if (query.CustomerId is { } customerId)
        {
            invoices = invoices.Where(i => i.CustomerId == customerId);
        }

        invoices = (query.State?.Value ?? InvoiceState.Outstanding) switch
        {
            InvoiceState.Outstanding => invoices.Where(i => i.Paid < i.Amount),
            InvoiceState.Overdue => invoices.Where(i => i.Paid < i.Amount && i.DueOn < today),
            InvoiceState.Paid => invoices.Where(i => i.Paid >= i.Amount),
            _ => invoices,
        };
        var rows = await collections.ReadAsync(invoices.PageAfter(i => i.Id, descending: true, after).Take(limit + 1), cancellationToken);
        return Page.FromOverfetch(rows, limit, last => new Cursor(ListInvoicesValidator.Sort, null, last.Id));
    }
}

/// <summary>
/// The ageing (账龄) of what the caller may see, in one grouped statement: each invoice's outstanding amount falls in
/// one bucket by the days between its due day and today.
/// </summary>
internal sealed class AgeingHandler(DealsDbContext db, Collections collections, IUserDirectory users, TimeProvider clock) : IQueryHandler<AgeingQuery, Result<AgeingDto>>
{
    private const int MaxRows = 200;

    public async ValueTask<Result<AgeingDto>> Handle(AgeingQuery query, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var (d30, d60, d90) = (today.AddDays(-30), today.AddDays(-60), today.AddDays(-90));
        var groupBy = query.GroupBy?.Value ?? AgeingGroup.Rep;
        var outstanding = collections.Visible(db.Invoices.AsNoTracking()).OwnedBy(query).Where(i => i.Paid < i.Amount);
        var keyed = groupBy switch
        {
            AgeingGroup.Team => outstanding.Select(i => new { Key = i.TeamId, Invoice = i }),
            AgeingGroup.Customer => outstanding.Select(i => new { Key = (Guid?)i.CustomerId, Invoice = i }),
            _ => outstanding.Select(i => new { Key = (Guid?)i.OwnerId, Invoice = i }),
        };
        var groups = await keyed
            .GroupBy(k => k.Key)
            .Select(g => new AgeingRowDto(
                g.Key,
                null,
                g.Sum(k => k.Invoice.Amount - k.Invoice.Paid),
                g.Sum(k => k.Invoice.DueOn >= today ? k.Invoice.Amount - k.Invoice.Paid : 0),
                g.Sum(k => k.Invoice.DueOn < today && k.Invoice.DueOn >= d30 ? k.Invoice.Amount - k.Invoice.Paid : 0),
                g.Sum(k => k.Invoice.DueOn < d30 && k.Invoice.DueOn >= d60 ? k.Invoice.Amount - k.Invoice.Paid : 0),
                g.Sum(k => k.Invoice.DueOn < d60 && k.Invoice.DueOn >= d90 ? k.Invoice.Amount - k.Invoice.Paid : 0),
                g.Sum(k => k.Invoice.DueOn < d90 ? k.Invoice.Amount - k.Invoice.Paid : 0),
                g.Sum(k => k.Invoice.DueOn < today ? k.Invoice.Amount - k.Invoice.Paid : 0),
                g.Count()))
            .ToListAsync(cancellationToken);

        var total = new AgeingRowDto(
            null, null, groups.Sum(g => g.Outstanding), groups.Sum(g => g.NotDue), groups.Sum(g => g.Days0To30), groups.Sum(g => g.Days31To60),
            groups.Sum(g => g.Days61To90), groups.Sum(g => g.Over90), groups.Sum(g => g.Overdue), groups.Sum(g => g.Invoices));
        var top = groups.OrderByDescending(g => g.Outstanding).ThenBy(g => g.Id).Take(MaxRows).ToList();
        Guid[] ids = [.. top.Where(g => g.Id is not null).Select(g => g.Id!.Value)];
        var names = groupBy switch
        {
            AgeingGroup.Team => await users.TeamNamesAsync(ids, cancellationToken),
            AgeingGroup.Customer => await db.CustomerCopies.AsNoTracking().Where(c => ids.Contains(c.CustomerId)).ToDictionaryAsync(c => c.CustomerId, c => c.Name, cancellationToken),
            _ => await users.DisplayNamesAsync(ids, cancellationToken),
        };
        return new AgeingDto(today, Money.Currency, groupBy, total, [.. top.Select(g => g with { Name = g.Id is { } id ? names.GetValueOrDefault(id) : null })]);
    }
}

/// <summary>
/// Which invoices a caller sees and how they are shown: an invoice is seen by whoever may see its deal (the deal's
/// owner scope and its customer's), read with the deal's title and the customer's name.
/// </summary>
internal sealed class Collections(DealsDbContext db, DealViews views, IUserDirectory users, TimeProvider clock)
{
    public IQueryable<Invoice> Visible(IQueryable<Invoice> invoices)
    {
        // Not views.Visible(): its AsNoTracking would apply to the whole query, and a payment changes the invoice read here.
        var deals = views.Visible(db.Deals);
        return invoices.Where(i => deals.Any(d => d.Id == i.DealId));
    }

    public async Task<IReadOnlyList<InvoiceDto>> ReadAsync(IQueryable<Invoice> invoices, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var rows = await (
                from i in invoices
                join d in db.Deals on i.DealId equals d.Id
                join c in db.CustomerCopies on i.CustomerId equals c.CustomerId
                select new { Invoice = i, DealTitle = d.Title, CustomerName = c.Name, Payments = i.Payments.OrderBy(p => p.ReceivedOn).ThenBy(p => p.Id).ToList() })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync([.. rows.Select(r => r.Invoice.OwnerId).Distinct()], cancellationToken);
        return
        [
            .. rows.Select(r => new InvoiceDto(
                r.Invoice.Id, r.Invoice.DealId, r.DealTitle, r.Invoice.CustomerId, r.CustomerName, r.Invoice.OwnerId, r.Invoice.TeamId, r.Invoice.Number,
                r.Invoice.Amount, r.Invoice.Paid, r.Invoice.Outstanding, Money.Currency, r.Invoice.IssuedOn, r.Invoice.DueOn,
                r.Invoice.Outstanding > 0 && r.Invoice.DueOn < today ? today.DayNumber - r.Invoice.DueOn.DayNumber : 0,
                [.. r.Payments.Select(p => new PaymentDto(p.Id, p.Amount, p.ReceivedOn, p.Method, p.Note, p.RecordedBy, p.RecordedAt))],
                r.Invoice.Version)
            {
                OwnerName = names.GetValueOrDefault(r.Invoice.OwnerId),
            }),
        ];
    }
}

internal static class CollectionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/deals/{id:guid}/invoices", async (Guid id, InvoiceInput body, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new IssueInvoiceCommand(id, body), cancellationToken)).ToHttp(invoice =>
                    TypedResults.Created($"/api/v1/collections/invoices/{invoice.Id}", invoice)))
            .WithTags("Collections")
            .RejectUnknownQuery()
            .WithName("Collections_Issue")
            .WithSummary("Invoice a won deal (货款回收): an amount due on a day; a deal's invoices come to its amount at most")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/deals/{id:guid}/invoices", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new DealInvoicesQuery(id), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithTags("Collections")
            .WithName("Collections_OfDeal")
            .WithSummary("A deal's invoices with their payments, oldest first")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var collections = api.MapGroup("/collections").WithTags("Collections");
        collections.MapPost("/invoices/{id:guid}/payments", async (Guid id, PaymentInput body, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new RecordPaymentCommand(id, body), cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Collections_RecordPayment")
            .WithSummary("Record a payment received against an invoice, partial or whole (never more than is outstanding); answers the invoice")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        collections.MapGet("/invoices", async ([AsParameters] ListInvoicesQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Collections_List")
            .WithSummary("Invoices you may see, newest first: outstanding (default), overdue, paid or all; by customer, rep or team; keyset pages")
            .ProducesValidationProblem();

        collections.MapGet("/ageing", async ([AsParameters] AgeingQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Collections_Ageing")
            .WithSummary("What is outstanding and how long past due (not yet due, 0–30, 31–60, 61–90, over 90 days), per rep, team or customer")
            .ProducesValidationProblem();
    }
}
