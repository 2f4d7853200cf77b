namespace CrmPlatform.Complaints.Contracts;

/// <summary>
/// What other modules may ask the Complaints module (ADR 0013) about customers' complaints — the Visits module's weekly
/// report lists the team's customers with complaints still open among its abnormal customers. The caller decides whose
/// customers it may show.
/// </summary>
public interface IComplaintCounts
{
    /// <summary>
    /// The customers owned by <paramref name="customerOwners"/> with complaints still open (neither resolved nor closed),
    /// the most overdue first, then the most open, at most <paramref name="limit"/>, with how many such customers there are.
    /// </summary>
    Task<CustomersWithOpenComplaints> OpenByCustomerAsync(IReadOnlyCollection<Guid> customerOwners, DateTimeOffset now, int limit, CancellationToken cancellationToken);
}

public sealed record CustomersWithOpenComplaints(int Total, IReadOnlyList<CustomerOpenComplaints> Customers);

/// <param name="Overdue">Of <paramref name="Open"/>, those past their promised time.</param>
public sealed record CustomerOpenComplaints(Guid CustomerId, string CustomerName, Guid OwnerId, int Open, int Overdue);
