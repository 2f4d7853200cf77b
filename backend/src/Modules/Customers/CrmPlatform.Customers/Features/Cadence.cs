using System.Linq.Expressions;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using CrmPlatform.Identity.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

/// <summary>Which contact a customer is overdue for: a call, a visit, or either.</summary>
public enum ContactDue
{
    Call,
    Visit,
    Any,
}

/// <summary>Where a customer stands against its tier's cadence (days in China Standard Time).</summary>
/// <param name="NextCallDue">The last call that reached the customer, meeting or visit (or the day the record was created) plus the tier's call cadence.</param>
/// <param name="NextVisitDue">The last meeting or visit (or the day the record was created) plus the tier's visit cadence.</param>
/// <param name="Stale">Neither edited nor on the timeline for the configured number of days.</param>
public sealed record CustomerCadenceDto(DateOnly NextCallDue, DateOnly NextVisitDue, bool CallOverdue, bool VisitOverdue, bool Stale);

/// <param name="CallOverdue">How many of this rep's customers are overdue for a call.</param>
/// <param name="VisitOverdue">How many are overdue for a visit.</param>
public sealed record OverdueByOwnerDto(Guid OwnerId, string? OwnerName, int CallOverdue, int VisitOverdue);

public sealed record OverdueByOwnerQuery : IQuery<Result<IReadOnlyList<OverdueByOwnerDto>>>;

/// <summary>
/// The contact cadence: each tier is called and visited every so many days (the settings), counted from
/// the last such contact on the timeline, or from the day the record was created when there was none.
/// </summary>
internal static class ContactCadence
{
    public static CustomerCadenceDto Of(IContactHistory customer, CustomerSettings settings, DateOnly today)
    {
        var cadence = settings.CadenceOf(customer.PriorityTier);
        var callDue = ChinaTime.DayOf(customer.LastContactedAt ?? customer.CreatedAt).AddDays(cadence.CallEveryDays);
        var visitDue = ChinaTime.DayOf(customer.LastVisitedAt ?? customer.CreatedAt).AddDays(cadence.VisitEveryDays);
        var touched = customer.LastInteractionAt > customer.UpdatedAt ? customer.LastInteractionAt.Value : customer.UpdatedAt;
        var stale = ChinaTime.DayOf(touched).AddDays(settings.StaleAfterDays) < today;
        return new(callDue, visitDue, callDue < today, visitDue < today, stale);
    }

    /// <summary>
    /// The customers whose due day is before today. The due day is before today exactly when the last
    /// contact fell before the start (China midnight) of today minus the cadence, so each tier is one
    /// comparison the database makes.
    /// </summary>
    public static IQueryable<Customer> Overdue(this IQueryable<Customer> customers, ContactDue due, CustomerSettings settings, DateOnly today)
    {
        var customer = Expression.Parameter(typeof(Customer), "c");
        var body = due switch
        {
            ContactDue.Call => Call(customer, settings, today),
            ContactDue.Visit => Visit(customer, settings, today),
            _ => Expression.OrElse(Call(customer, settings, today), Visit(customer, settings, today)),
        };
        return customers.Where(Expression.Lambda<Func<Customer, bool>>(body, customer));
    }

    private static Expression Call(ParameterExpression customer, CustomerSettings settings, DateOnly today) =>
        LastBefore(customer, nameof(CustomerActivity.LastContactedAt), tier => settings.CadenceOf(tier).CallEveryDays, today);

    private static Expression Visit(ParameterExpression customer, CustomerSettings settings, DateOnly today) =>
        LastBefore(customer, nameof(CustomerActivity.LastVisitedAt), tier => settings.CadenceOf(tier).VisitEveryDays, today);

    /// <summary>(tier = priority AND last &lt; cutoff₁) OR (tier = general AND last &lt; cutoff₂) OR …, with last = the activity's time, else the creation time.</summary>
    private static Expression LastBefore(ParameterExpression customer, string lastProperty, Func<PriorityTier, int> everyDays, DateOnly today)
    {
        var last = Expression.Coalesce(
            Expression.Property(Expression.Property(customer, nameof(Customer.Activity)), lastProperty),
            Expression.Property(customer, nameof(Customer.CreatedAt)));
        Expression any = Expression.Constant(false);
        foreach (var tier in Enum.GetValues<PriorityTier>())
        {
            var cutoff = new Cutoff(ChinaTime.StartOf(today.AddDays(-everyDays(tier))));
            any = Expression.OrElse(any, Expression.AndAlso(
                Expression.Equal(Expression.Property(customer, nameof(Customer.PriorityTier)), Expression.Constant(tier)),
                // A member of an object, not a constant: EF sends it as a parameter, so one plan serves every day.
                Expression.LessThan(last, Expression.Property(Expression.Constant(cutoff), nameof(Cutoff.Value)))));
        }

        return any;
    }

    private sealed record Cutoff(DateTimeOffset Value);
}

/// <summary>For a manager's or a director's view: how many customers each rep is behind with.</summary>
internal sealed class OverdueByOwnerHandler(CustomersDbContext db, ICurrentUser currentUser, SettingsCache settingsCache, IUserDirectory users, TimeProvider clock)
    : IQueryHandler<OverdueByOwnerQuery, Result<IReadOnlyList<OverdueByOwnerDto>>>
{
    public async ValueTask<Result<IReadOnlyList<OverdueByOwnerDto>>> Handle(OverdueByOwnerQuery query, CancellationToken cancellationToken)
    {
        var settings = await settingsCache.GetAsync(db, cancellationToken);
        var today = ChinaTime.Today(clock);
        var visible = db.Customers.AsNoTracking().VisibleTo(currentUser);
        var calls = await CountByOwnerAsync(visible.Overdue(ContactDue.Call, settings, today), cancellationToken);
        var visits = await CountByOwnerAsync(visible.Overdue(ContactDue.Visit, settings, today), cancellationToken);
        var owners = calls.Keys.Union(visits.Keys).ToList();
        var names = await users.DisplayNamesAsync(owners, cancellationToken);
        return owners
            .Select(owner => new OverdueByOwnerDto(owner, names.GetValueOrDefault(owner), calls.GetValueOrDefault(owner), visits.GetValueOrDefault(owner)))
            .OrderByDescending(o => o.CallOverdue + o.VisitOverdue)
            .ThenBy(o => o.OwnerName, StringComparer.Ordinal)
            .ToList();
    }

    private static Task<Dictionary<Guid, int>> CountByOwnerAsync(IQueryable<Customer> customers, CancellationToken cancellationToken) =>
        customers.GroupBy(c => c.OwnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}

internal static class CadenceEndpoints
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapGet("/overdue-by-owner", async (IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new OverdueByOwnerQuery(), cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Customers_OverdueByOwner")
            .WithSummary("How many of the customers you may see each rep is overdue to call or visit, most behind first");
}
