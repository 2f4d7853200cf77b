using System.Linq.Expressions;
using System.Reflection;
using CrmPlatform.BuildingBlocks.Security;

namespace CrmPlatform.BuildingBlocks.Paging;

/// <summary>
/// Keyset pagination: a page continues strictly after the previous page's last (sort key, id), so rows
/// inserted or removed meanwhile never make a page skip or repeat a row. The id (a time-ordered UUID v7)
/// breaks ties and, on its own, orders by creation. Every list builds its pages from these two.
/// </summary>
public static class Keyset
{
    // string.Compare is translated to SQL, where the column's collation orders the keys as ORDER BY does.
    private static readonly MethodInfo CompareStrings = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo CompareGuids = typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;

    /// <summary>Rows ordered by id, after <paramref name="after"/> when there is one.</summary>
    public static IOrderedQueryable<T> PageAfter<T>(this IQueryable<T> rows, Expression<Func<T, Guid>> id, bool descending, Cursor? after)
    {
        if (after is not null)
        {
            var position = Expression.Constant(after);
            var idAfter = Beyond(Expression.Call(id.Body, CompareGuids, Expression.Property(position, nameof(Cursor.Id))), descending);
            rows = rows.Where(Expression.Lambda<Func<T, bool>>(idAfter, id.Parameters));
        }

        return descending ? rows.OrderByDescending(id) : rows.OrderBy(id);
    }

    /// <summary>Rows ordered by a text key then id, after <paramref name="after"/> when there is one.</summary>
    public static IOrderedQueryable<T> PageAfter<T>(
        this IQueryable<T> rows, Expression<Func<T, string>> key, Expression<Func<T, Guid>> id, bool descending, Cursor? after)
    {
        if (after is not null)
        {
            // Read through a closure-like constant, so EF Core sends the position as parameters, not literals.
            var position = Expression.Constant(after);
            var row = key.Parameters[0];
            var rowId = new RecordScope.Substitute(id.Parameters[0], row).Visit(id.Body);
            var afterKey = Expression.Property(position, nameof(Cursor.Key));
            var keyAfter = Beyond(Expression.Call(CompareStrings, key.Body, afterKey), descending);
            var sameKeyIdAfter = Expression.AndAlso(
                Expression.Equal(key.Body, afterKey),
                Beyond(Expression.Call(rowId, CompareGuids, Expression.Property(position, nameof(Cursor.Id))), descending));
            rows = rows.Where(Expression.Lambda<Func<T, bool>>(Expression.OrElse(keyAfter, sameKeyIdAfter), row));
        }

        return descending ? rows.OrderByDescending(key).ThenByDescending(id) : rows.OrderBy(key).ThenBy(id);
    }

    private static BinaryExpression Beyond(Expression comparison, bool descending) => descending
        ? Expression.LessThan(comparison, Expression.Constant(0))
        : Expression.GreaterThan(comparison, Expression.Constant(0));
}
