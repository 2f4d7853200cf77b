using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

/// <param name="Label">What the day is; required for a custom date ("开业纪念日").</param>
/// <param name="Year">The year it began, when known: gives the age or the anniversary's number.</param>
public sealed record KeyDateInput(KeyDateKind Kind, int Month, int Day, int? Year = null, [property: MaxLength(KeyDateLimits.Label)] string? Label = null);

/// <param name="Years">How many years it will be on the next occurrence, when the year is known.</param>
public sealed record KeyDateDto(Guid Id, Guid CustomerId, KeyDateKind Kind, string? Label, int Month, int Day, int? Year);

/// <summary>A day coming up: one of the customer's key dates, the birthday on the customer's profile, or a contact's birthday.</summary>
/// <param name="KeyDateId">Set for a key date; null for a birthday from a profile or a contact.</param>
/// <param name="ContactId">Set for a contact's birthday.</param>
/// <param name="Date">The next occurrence, today included (China Standard Time).</param>
/// <param name="DaysAway">0 for today.</param>
/// <param name="Years">The age or the anniversary's number on that day, when the year is known.</param>
public sealed record UpcomingKeyDateDto(
    Guid? KeyDateId,
    Guid CustomerId,
    string CustomerName,
    Guid? ContactId,
    string? ContactName,
    KeyDateKind Kind,
    string? Label,
    DateOnly Date,
    int DaysAway,
    int? Years);

public sealed record AddKeyDateCommand(Guid CustomerId, KeyDateInput KeyDate) : ICommand<Result<KeyDateDto>>;

public sealed record RemoveKeyDateCommand(Guid CustomerId, Guid KeyDateId) : ICommand<Result<Unit>>;

public sealed record ListKeyDatesQuery(Guid CustomerId) : IQuery<Result<IReadOnlyList<KeyDateDto>>>;

/// <summary>The query string of <c>GET /customers/key-dates/upcoming</c>.</summary>
/// <param name="Days">How many days ahead, today included: 1 to 60; 14 when omitted.</param>
/// <param name="Limit">At most this many, soonest first: 1 to 200; 50 when omitted.</param>
public sealed record UpcomingKeyDatesQuery(int? Days, int? Limit) : IQuery<Result<IReadOnlyList<UpcomingKeyDateDto>>>;

internal sealed class AddKeyDateValidator : AbstractValidator<AddKeyDateCommand>
{
    public AddKeyDateValidator(TimeProvider clock) => RuleFor(c => c.KeyDate).ChildRules(date =>
    {
        date.RuleFor(d => d.Kind).IsInEnum();
        date.RuleFor(d => d.Month).InclusiveBetween(1, 12);
        // Against a leap year, so 29 February is a day like any other.
        date.RuleFor(d => d.Day).InclusiveBetween(1, 31)
            .Must((d, day) => d.Month is < 1 or > 12 || day <= DateTime.DaysInMonth(2024, d.Month))
            .WithMessage("This month has no such day.");
        // Read per request: the validator outlives New Year's Eve.
        date.RuleFor(d => d.Year).Must(year => year is null || (year >= 1900 && year <= clock.GetUtcNow().Year))
            .WithMessage("The year must be between 1900 and this year.");
        date.RuleFor(d => d.Label).NotEmpty().When(d => d.Kind == KeyDateKind.Custom).WithMessage("A custom date needs a label.");
        date.RuleFor(d => d.Label).MaximumLength(KeyDateLimits.Label);
    }).AtBodyRoot();
}

internal sealed class UpcomingKeyDatesValidator : AbstractValidator<UpcomingKeyDatesQuery>
{
    public UpcomingKeyDatesValidator()
    {
        RuleFor(q => q.Days).InclusiveBetween(1, 60);
        RuleFor(q => q.Limit).PageLimit();
    }
}

internal sealed class AddKeyDateHandler(CustomersDbContext db, CustomerAccess access, TimeProvider clock) : ICommandHandler<AddKeyDateCommand, Result<KeyDateDto>>
{
    public async ValueTask<Result<KeyDateDto>> Handle(AddKeyDateCommand command, CancellationToken cancellationToken)
    {
        if (!await access.HoldAsync(command.CustomerId, cancellationToken))
        {
            return Error.NotFound("customer", command.CustomerId);
        }

        var input = command.KeyDate;
        var keyDate = KeyDate.Add(command.CustomerId, input.Kind, input.Label, input.Month, input.Day, input.Year, clock.GetDatabaseUtcNow());
        db.KeyDates.Add(keyDate);
        await db.SaveChangesAsync(cancellationToken);
        return KeyDates.ToDto(keyDate);
    }
}

internal sealed class RemoveKeyDateHandler(CustomersDbContext db, CustomerAccess access) : ICommandHandler<RemoveKeyDateCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(RemoveKeyDateCommand command, CancellationToken cancellationToken)
    {
        var keyDate = await access.CanSeeAsync(command.CustomerId, cancellationToken)
            ? await db.KeyDates.SingleOrDefaultAsync(k => k.Id == command.KeyDateId && k.CustomerId == command.CustomerId, cancellationToken)
            : null;
        if (keyDate is null)
        {
            return Error.NotFound("key_date", command.KeyDateId);
        }

        db.KeyDates.Remove(keyDate);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal sealed class ListKeyDatesHandler(CustomersDbContext db, CustomerAccess access) : IQueryHandler<ListKeyDatesQuery, Result<IReadOnlyList<KeyDateDto>>>
{
    public async ValueTask<Result<IReadOnlyList<KeyDateDto>>> Handle(ListKeyDatesQuery query, CancellationToken cancellationToken)
    {
        if (!await access.CanSeeAsync(query.CustomerId, cancellationToken))
        {
            return Error.NotFound("customer", query.CustomerId);
        }

        var dates = await db.KeyDates.AsNoTracking().Where(k => k.CustomerId == query.CustomerId)
            .OrderBy(k => k.MonthDay).ThenBy(k => k.Id).ToListAsync(cancellationToken);
        return dates.Select(KeyDates.ToDto).ToList();
    }
}

/// <summary>"Who has a birthday in the next 14 days" across every customer the caller may see, soonest first.</summary>
internal sealed class UpcomingKeyDatesHandler(CustomersDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<UpcomingKeyDatesQuery, Result<IReadOnlyList<UpcomingKeyDateDto>>>
{
    public async ValueTask<Result<IReadOnlyList<UpcomingKeyDateDto>>> Handle(UpcomingKeyDatesQuery query, CancellationToken cancellationToken) =>
        await UpcomingDays.FindAsync(
            db, db.Customers.AsNoTracking().VisibleTo(currentUser), ChinaTime.Today(clock), query.Days ?? 14, query.Limit ?? PageLimits.Default, cancellationToken);
}

/// <summary>
/// The days coming up for a set of customers: their key dates, the birthdays on their profiles, and their
/// contacts' birthdays. Each of the three is looked up by its month-day index and cut at the limit; the
/// merge keeps the soonest.
/// </summary>
internal static class UpcomingDays
{
    public static async Task<List<UpcomingKeyDateDto>> FindAsync(
        CustomersDbContext db, IQueryable<Customer> customers, DateOnly today, int days, int limit, CancellationToken cancellationToken)
    {
        var window = KeyDates.MonthDaysFrom(today, days);
        var birthdays = window.Select(d => (int?)d).ToList();
        var todayMonthDay = (today.Month * 100) + today.Day;

        // Soonest first, across the turn of the year: days before today's month-day come round next year.
        var keyDates = await db.KeyDates.AsNoTracking()
            .Where(k => window.Contains(k.MonthDay))
            .Join(customers, k => k.CustomerId, c => c.Id, (k, c) => new { KeyDate = k, c.Name })
            .OrderBy(r => r.KeyDate.MonthDay >= todayMonthDay ? r.KeyDate.MonthDay : r.KeyDate.MonthDay + 1300)
            .Take(limit)
            .Select(r => new UpcomingDay(
                r.KeyDate.CustomerId, r.Name, r.KeyDate.Id, null, null, r.KeyDate.Kind, r.KeyDate.Label, r.KeyDate.Month, r.KeyDate.Day, r.KeyDate.Year))
            .ToListAsync(cancellationToken);
        var profiles = await customers
            .Where(c => birthdays.Contains(EF.Property<int?>(c, KeyDates.BirthdayMonthDayColumn)))
            .OrderBy(c => EF.Property<int?>(c, KeyDates.BirthdayMonthDayColumn) >= todayMonthDay
                ? EF.Property<int?>(c, KeyDates.BirthdayMonthDayColumn)
                : EF.Property<int?>(c, KeyDates.BirthdayMonthDayColumn) + 1300)
            .Take(limit)
            .Select(c => new UpcomingDay(
                c.Id, c.Name, null, null, null, KeyDateKind.Birthday, null, c.Birthday!.Value.Month, c.Birthday.Value.Day, c.Birthday.Value.Year))
            .ToListAsync(cancellationToken);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(k => birthdays.Contains(EF.Property<int?>(k, KeyDates.BirthdayMonthDayColumn)))
            .Join(customers, k => k.CustomerId, c => c.Id, (k, c) => new { Contact = k, c.Name })
            .OrderBy(r => EF.Property<int?>(r.Contact, KeyDates.BirthdayMonthDayColumn) >= todayMonthDay
                ? EF.Property<int?>(r.Contact, KeyDates.BirthdayMonthDayColumn)
                : EF.Property<int?>(r.Contact, KeyDates.BirthdayMonthDayColumn) + 1300)
            .Take(limit)
            .Select(r => new UpcomingDay(
                r.Contact.CustomerId, r.Name, null, r.Contact.Id, r.Contact.Name, KeyDateKind.Birthday, null,
                r.Contact.Birthday!.Value.Month, r.Contact.Birthday.Value.Day, r.Contact.Birthday.Value.Year))
            .ToListAsync(cancellationToken);

        return keyDates.Concat(profiles).Concat(contacts)
            .Select(day =>
            {
                var date = KeyDate.NextOccurrence(day.Month, day.Day, today);
                return new UpcomingKeyDateDto(
                    day.KeyDateId, day.CustomerId, day.CustomerName, day.ContactId, day.ContactName, day.Kind, day.Label, date,
                    date.DayNumber - today.DayNumber, day.Year is { } year ? date.Year - year : null);
            })
            .OrderBy(u => u.DaysAway)
            .ThenBy(u => u.CustomerName, StringComparer.Ordinal)
            .ThenBy(u => u.KeyDateId ?? u.ContactId ?? u.CustomerId)
            .Take(limit)
            .ToList();
    }

    private sealed record UpcomingDay(
        Guid CustomerId, string CustomerName, Guid? KeyDateId, Guid? ContactId, string? ContactName, KeyDateKind Kind, string? Label, int Month, int Day, int? Year);
}

internal static class KeyDates
{
    /// <summary>Month × 100 + day of a profile's or a contact's birthday, computed by PostgreSQL and indexed like key dates' month-day.</summary>
    public const string BirthdayMonthDayColumn = "BirthdayMonthDay";

    public const string BirthdayMonthDaySql = "(date_part('month', birthday) * 100 + date_part('day', birthday))::integer";

    /// <summary>The month-days (month × 100 + day) of <paramref name="days"/> days from <paramref name="today"/>; 29 February joins the 28th in other years.</summary>
    public static List<int> MonthDaysFrom(DateOnly today, int days)
    {
        var monthDays = new List<int>(days + 1);
        for (var offset = 0; offset < days; offset++)
        {
            var date = today.AddDays(offset);
            monthDays.Add((date.Month * 100) + date.Day);
            if (date is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(date.Year))
            {
                monthDays.Add(229);
            }
        }

        return monthDays;
    }

    public static KeyDateDto ToDto(KeyDate k) => new(k.Id, k.CustomerId, k.Kind, k.Label, k.Month, k.Day, k.Year);

    public static void Map(IEndpointRouteBuilder customers)
    {
        customers.MapGet("/key-dates/upcoming", async ([AsParameters] UpcomingKeyDatesQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Customers_UpcomingKeyDates")
            .WithSummary("Key dates of the customers you may see that fall in the next days (today included), soonest first")
            .ProducesValidationProblem();

        customers.MapGet("/{id:guid}/key-dates", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new ListKeyDatesQuery(id), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("Customers_ListKeyDates")
            .WithSummary("The customer's key dates, in calendar order")
            .ProducesProblem(StatusCodes.Status404NotFound);

        customers.MapPost("/{id:guid}/key-dates", async (Guid id, KeyDateInput body, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new AddKeyDateCommand(id, body), cancellationToken)).ToHttp(keyDate =>
                    TypedResults.Created($"/api/v1/customers/{id}/key-dates/{keyDate.Id}", keyDate)))
            .WithName("Customers_AddKeyDate")
            .WithSummary("Add a key date: a birthday, the company's anniversary, or a named date")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        customers.MapDelete("/{id:guid}/key-dates/{keyDateId:guid}", async (Guid id, Guid keyDateId, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new RemoveKeyDateCommand(id, keyDateId), cancellationToken)).ToHttp(_ => TypedResults.NoContent()))
            .WithName("Customers_RemoveKeyDate")
            .WithSummary("Remove a key date (key dates are not edited: remove and add again)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
