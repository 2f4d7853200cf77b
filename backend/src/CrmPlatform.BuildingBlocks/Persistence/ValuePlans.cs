using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>
/// Reads whose best plan depends on a parameter's value: a search term matches five customers or fifty
/// thousand. The app's statements are prepared (ADR 0012), and after a few runs PostgreSQL may keep one
/// generic plan for every value. For such a read that plan can be a hundred times slower than the one made
/// for the value (ADR 0023: 328 ms against 1.2 ms for a rep's search by a rare name, under the two-query search), so these reads are
/// planned afresh each time, in a transaction of their own.
/// </summary>
public static class ValuePlans
{
    public static async Task<List<T>> ToListPlannedForValuesAsync<T>(this IQueryable<T> rows, DbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", cancellationToken);
        var list = await rows.ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return list;
    }
}
