namespace CrmPlatform.Deals.Domain;

/// <summary>
/// Money in this module: <see cref="decimal"/> yuan in numeric(14,2) columns, never floating point (ADR 0029). Every
/// amount that is computed (a line's price less its discount, a line's cost, a weighted total) is rounded once, to the
/// fen, half away from zero (四舍五入) as Chinese invoices round; sums of rounded amounts are not rounded again.
/// </summary>
internal static class Money
{
    /// <summary>The one currency deals are kept in; every amount the API answers names it.</summary>
    public const string Currency = "CNY";

    /// <summary>The largest amount a column holds (numeric(14,2)).</summary>
    public const decimal MaxAmount = 999_999_999_999.99m;

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
