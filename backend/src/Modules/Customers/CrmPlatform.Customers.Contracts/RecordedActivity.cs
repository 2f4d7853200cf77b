namespace CrmPlatform.Customers.Contracts;

/// <summary>
/// The activity people recorded on customers' timelines over a period, counted for another module (the Deals module's
/// activity funnel, 评价推销的效率) without it reading the customers schema (ADR 0013).
/// </summary>
public interface ICustomerActivity
{
    /// <summary>
    /// Per person who recorded them, from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive): calls
    /// made, calls that reached the customer, appointments (meetings and visits), and the minutes those took where they
    /// were timed (selling time). <paramref name="people"/> null
    /// counts everyone; entries no person recorded are not counted. The caller decides whose figures it may show.
    /// </summary>
    Task<IReadOnlyList<RecordedActivity>> CountAsync(IReadOnlyCollection<Guid>? people, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

public sealed record RecordedActivity(Guid Person, int Calls, int CallsReached, int Appointments, int SellingMinutes);
