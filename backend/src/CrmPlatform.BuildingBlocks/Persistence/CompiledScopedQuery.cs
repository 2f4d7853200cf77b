using System.Linq.Expressions;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using CrmPlatform.BuildingBlocks.Security;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>
/// A read of one record (projected to its DTO, or the entity itself for a change) that EF Core
/// compiles once per <see cref="ScopeKind"/>
/// instead of translating on every call. For a get by id, EF's per-call work (visiting and hashing
/// the expression tree, finding its cached translation) and AutoMapper's projection building cost
/// more CPU than the SQL itself (ADR 0012), so the hottest reads use this. Record scope is
/// <see cref="RecordScope"/>'s rule with the caller's id and team as query parameters; a projection
/// is the AutoMapper map, so there is still one mapping per DTO.
/// </summary>
/// <typeparam name="TArgument">What identifies the record, e.g. its id.</typeparam>
public sealed class CompiledScopedQuery<TContext, TRecord, TArgument, TResult>
    where TContext : DbContext
    where TRecord : class, IOwnedRecord
{
    private readonly Func<TContext, TArgument, Guid, Guid?, CancellationToken, Task<TResult?>>[] _byScope;

    /// <param name="records">The records to read from, before record scope (e.g. <c>db => db.Customers.AsNoTracking()</c>).</param>
    /// <param name="match">Narrows the visible records to the one wanted (e.g. <c>(customers, id) => customers.Where(c => c.Id == id)</c>).</param>
    /// <param name="mappings">The AutoMapper configuration that maps <typeparamref name="TRecord"/> to <typeparamref name="TResult"/>.</param>
    public CompiledScopedQuery(
        Expression<Func<TContext, IQueryable<TRecord>>> records,
        Expression<Func<IQueryable<TRecord>, TArgument, IQueryable<TRecord>>> match,
        IConfigurationProvider mappings)
        : this(records, match, ProjectionOf(mappings))
    {
    }

    internal CompiledScopedQuery(
        Expression<Func<TContext, IQueryable<TRecord>>> records,
        Expression<Func<IQueryable<TRecord>, TArgument, IQueryable<TRecord>>> match,
        LambdaExpression? projection) =>
        _byScope = Enum.GetValues<ScopeKind>().Select(scope => EF.CompileAsyncQuery(Compose(scope, records, match, projection))).ToArray();

    public Task<TResult?> ExecuteAsync(TContext db, ICurrentUser user, TArgument argument, CancellationToken cancellationToken) =>
        _byScope[(int)user.Scope()](db, argument, user.Id, user.TeamId, cancellationToken);

    private static Expression<Func<TContext, TArgument, Guid, Guid?, CancellationToken, TResult?>> Compose(
        ScopeKind scope,
        Expression<Func<TContext, IQueryable<TRecord>>> records,
        Expression<Func<IQueryable<TRecord>, TArgument, IQueryable<TRecord>>> match,
        LambdaExpression? projection)
    {
        var db = records.Parameters[0];
        var argument = Expression.Parameter(typeof(TArgument), "argument");
        var callerId = Expression.Parameter(typeof(Guid), "callerId");
        var callerTeamId = Expression.Parameter(typeof(Guid?), "callerTeamId");
        var cancellationToken = Expression.Parameter(typeof(CancellationToken), "cancellationToken");

        var visible = records.Body;
        if (RecordScope.Filter<TRecord>(scope, r => r.OwnerId, r => r.TeamId, callerId, callerTeamId) is { } filter)
        {
            visible = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TRecord)], visible, Expression.Quote(filter));
        }

        var matched = new RecordScope.Substitute(match.Parameters[1], argument).Visit(new RecordScope.Substitute(match.Parameters[0], visible).Visit(match.Body));
        var projected = projection is null
            ? matched
            : Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(TRecord), typeof(TResult)], matched, Expression.Quote(projection));
        var single = Expression.Call(typeof(Queryable), nameof(Queryable.SingleOrDefault), [typeof(TResult)], projected);
        return Expression.Lambda<Func<TContext, TArgument, Guid, Guid?, CancellationToken, TResult?>>(single, db, argument, callerId, callerTeamId, cancellationToken);
    }

    /// <summary>The lambda AutoMapper's ProjectTo puts into a query: its Select(source, projection).</summary>
    private static LambdaExpression ProjectionOf(IConfigurationProvider mappings) =>
        Array.Empty<TRecord>().AsQueryable().ProjectTo<TResult>(mappings).Expression is MethodCallExpression { Arguments: [_, UnaryExpression { Operand: LambdaExpression projection }] }
            ? projection
            : throw new InvalidOperationException($"AutoMapper's projection of {typeof(TRecord).Name} to {typeof(TResult).Name} is not a single Select.");
}

/// <summary>Compiled scoped reads of entities themselves, e.g. the record a command is about to change.</summary>
public static class CompiledScopedQuery
{
    /// <param name="records">The records to read from, before record scope; tracked when the command will change them.</param>
    /// <param name="match">Narrows the visible records to the one wanted.</param>
    public static CompiledScopedQuery<TContext, TRecord, TArgument, TRecord> ForRecord<TContext, TRecord, TArgument>(
        Expression<Func<TContext, IQueryable<TRecord>>> records,
        Expression<Func<IQueryable<TRecord>, TArgument, IQueryable<TRecord>>> match)
        where TContext : DbContext
        where TRecord : class, IOwnedRecord =>
        new(records, match, projection: null);
}
