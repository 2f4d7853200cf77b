namespace CrmPlatform.Customers.Contracts;

/// <summary>
/// Which customers are behind their contact cadence, for another module's reports (the Visits module's weekly report
/// and plans) without it reading the customers schema (ADR 0013). The caller decides whose customers it may show.
/// </summary>
public interface ICustomerCadence
{
    /// <summary>
    /// The customers of <paramref name="owners"/> overdue for a visit on <paramref name="day"/> (their tier's visit
    /// cadence has run out), the longest overdue first, at most <paramref name="limit"/>, with how many there are in all.
    /// </summary>
    Task<OverdueCustomers> OverdueForVisitAsync(IReadOnlyCollection<Guid> owners, DateOnly day, int limit, CancellationToken cancellationToken);
}

public sealed record OverdueCustomers(int Total, IReadOnlyList<OverdueCustomer> Customers);

/// <param name="VisitDue">The day the visit fell due: the last visit (or the record's creation) plus the tier's cadence.</param>
public sealed record OverdueCustomer(Guid Id, string Name, Guid OwnerId, DateOnly VisitDue);
