namespace CrmPlatform.Customers.Contracts;

/// <summary>
/// Which customers are buying less, from the purchase archive (成交档案), for another module's reports (the Visits
/// module's weekly report lists them among its abnormal customers) without it reading the customers schema (ADR 0013).
/// </summary>
public interface IPurchaseTrends
{
    /// <summary>
    /// The customers of <paramref name="owners"/> whose purchases fell: in the <see cref="FallingPurchases.QuarterDays"/>
    /// days to the end of <paramref name="day"/> (China time) they bought for less than half of what they bought in the
    /// same number of days before. The largest fall first, at most <paramref name="limit"/>, with how many there are in all.
    /// </summary>
    Task<FallingPurchases> FallingAsync(IReadOnlyCollection<Guid> owners, DateOnly day, int limit, CancellationToken cancellationToken);
}

public sealed record FallingPurchases(int Total, IReadOnlyList<FallingPurchase> Customers)
{
    /// <summary>Thirteen weeks: a quarter that starts and ends on the same weekday.</summary>
    public const int QuarterDays = 91;
}

/// <param name="Previous">What the customer bought in the quarter before, in CNY.</param>
/// <param name="Recent">What the customer bought in the last quarter, to the day counted, in CNY.</param>
public sealed record FallingPurchase(Guid Id, string Name, Guid OwnerId, decimal Previous, decimal Recent);
