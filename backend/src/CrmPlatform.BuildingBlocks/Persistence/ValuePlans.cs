using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>
/// Reads whose best plan depends, or does not, on a parameter's value, when PostgreSQL would guess otherwise.
/// The app's statements are prepared (ADR 0012), and PostgreSQL then plans each run for its values until it
/// judges one generic plan good enough. A search term matches five customers or fifty thousand: a plan kept for
/// every term can be a hundred times slower than one made for the term (ADR 0023: 328 ms against 1.2 ms). A search
/// bounded by a small key (one rep's customers) is the opposite case: every term is cheap to run, and PostgreSQL,
/// seeing how cheap a rare term's plan is, keeps planning afresh at several times the cost of the run (ADR 0028).
/// Each read runs in a transaction of its own that says which.
/// </summary>
public static class ValuePlans
{
    /// <summary>Plans the read for its parameters' values each time.</summary>
    public static Task<List<T>> ToListPlannedForValuesAsync<T>(this IQueryable<T> rows, DbContext db, CancellationToken cancellationToken) =>
        rows.ToListWithPlanModeAsync(db, "SET LOCAL plan_cache_mode = force_custom_plan", cancellationToken);

    /// <summary>Plans the read once per connection, for any values.</summary>
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
