namespace CrmPlatform.Deals.Contracts;

/// <summary>
/// What people sold and collected, for another module's reports (the Visits module's daily and weekly reports) without
/// it reading the deals schema (ADR 0013). Counted as sales targets count them: a won deal is its winner's on the day it
/// was won, a payment its invoice's rep's on the day it came, a customer new on the day of its first won deal. A module
/// that runs without the Deals module does without.
/// </summary>
public interface ISalesResults
{
    /// <summary>Per person among <paramref name="people"/>, from <paramref name="from"/> to <paramref name="to"/> inclusive (days in China); people with nothing are absent.</summary>
    Task<IReadOnlyList<PersonSales>> SalesAsync(IReadOnlyCollection<Guid> people, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>
    /// Per person among <paramref name="people"/> with a revenue target for the month that holds <paramref name="day"/> (a
    /// rep's monthly target of all products): the target, and their revenue from the month's first day to <paramref name="day"/>.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, MonthTarget>> MonthRevenueTargetsAsync(IReadOnlyCollection<Guid> people, DateOnly day, CancellationToken cancellationToken);
}

/// <param name="Orders">Deals won (订单).</param>
/// <param name="OrderAmount">What they came to.</param>
/// <param name="Collected">Payments received (收款).</param>
/// <param name="NewCustomers">Customers whose first won deal this was (新增网点).</param>
public sealed record PersonSales(Guid Person, int Orders, decimal OrderAmount, decimal Collected, int NewCustomers);

/// <param name="Achieved">Revenue from the month's start to the day asked about.</param>
public sealed record MonthTarget(decimal Target, decimal Achieved);
