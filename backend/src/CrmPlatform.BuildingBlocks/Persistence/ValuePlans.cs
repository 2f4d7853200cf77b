using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>
/// Reads whose best plan depends, or does not, on a parameter's value, when PostgreSQL would guess otherwise.
/// The app's statements are prepared (ADR 0012), and PostgreSQL then plans each run for its values until it
/// judges one generic plan good enough. A search term matches five customers or fifty thousand: for a manager's
/// search by a phone fragment the plan kept for every term ran 67 times a second, the one made for the term 788
/// (ADR 0028). A search bounded by a small key (one rep's customers) is the opposite case: every term is cheap to
/// run, and PostgreSQL, seeing how cheap a rare term's plan is, kept planning afresh at seven times the cost of
/// the run. Each read runs in a transaction of its own that says which.
/// </summary>
public static class ValuePlans
{
    /// <summary>Plans the read for its parameters' values each time.</summary>
    public static Task<List<T>> ToListPlannedForValuesAsync<T>(this IQueryable<T> rows, DbContext db, CancellationToken cancellationToken) =>
        rows.ToListWithPlanModeAsync(db, "SET LOCAL plan_cache_mode = force_custom_plan", cancellationToken);

    /// <summary>Plans the read for any values: once per prepared statement (a connection keeps its hot statements prepared).</summary>
    public static Task<List<T>> ToListPlannedOnceAsync<T>(this IQueryable<T> rows, DbContext db, CancellationToken cancellationToken) =>
        rows.ToListWithPlanModeAsync(db, "SET LOCAL plan_cache_mode = force_generic_plan", cancellationToken);

    private static async Task<List<T>> ToListWithPlanModeAsync<T>(this IQueryable<T> rows, DbContext db, string setPlanCacheMode, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(setPlanCacheMode, cancellationToken);
        var list = await rows.ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return list;
    }
}
