using System.Linq.Expressions;

namespace CrmPlatform.BuildingBlocks.Security;

/// <summary>A record owned by one user of one team: what record scope filters on.</summary>
public interface IOwnedRecord
{
    Guid OwnerId { get; }

    Guid? TeamId { get; }
}

/// <summary>How far a caller sees: their own records, their team's, or all.</summary>
public enum ScopeKind
{
    Own,
    Team,
    All,
}

/// <summary>
/// The single definition of who sees what: Rep — own records; Manager — own team's;
/// Director, Service and Admin — all. Out-of-scope records are simply absent (callers answer 404).
/// </summary>
public static class RecordScope
{
    public static ScopeKind Scope(this ICurrentUser user) => user.Role switch
    {
        Roles.Rep => ScopeKind.Own,
        Roles.Manager => ScopeKind.Team,
        _ => ScopeKind.All,
    };

    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> records, ICurrentUser user)
        where T : class, IOwnedRecord => records.VisibleTo(user, r => r.OwnerId, r => r.TeamId);

    /// <summary>
    /// The same rule for rows that are not <see cref="IOwnedRecord"/>s but have an owner and a team,
    /// e.g. users (a user "owns" themself).
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(
        this IQueryable<T> records, ICurrentUser user, Expression<Func<T, Guid>> owner, Expression<Func<T, Guid?>> team)
    {
        // Read through a closure, as a lambda's captured locals are, so EF Core sends them as parameters.
        var caller = Expression.Constant(new Caller(user.Id, user.TeamId));
        var filter = Filter(user.Scope(), owner, team, Expression.Property(caller, nameof(Caller.Id)), Expression.Property(caller, nameof(Caller.TeamId)));
        return filter is null ? records : records.Where(filter);
    }

    /// <summary>
    /// The rule for <paramref name="scope"/> as a predicate over a record, with the caller's id and
    /// team as the given expressions (parameters of a compiled query); null when every record is visible.
    /// </summary>
    public static Expression<Func<T, bool>>? Filter<T>(
        ScopeKind scope, Expression<Func<T, Guid>> owner, Expression<Func<T, Guid?>> team, Expression callerId, Expression callerTeamId)
    {
        var record = owner.Parameters[0];
        var teamOfRecord = new Substitute(team.Parameters[0], record).Visit(team.Body);
        Expression? body = scope switch
        {
            ScopeKind.Own => Expression.Equal(owner.Body, callerId),
            ScopeKind.Team => Expression.AndAlso(
                Expression.NotEqual(teamOfRecord, Expression.Constant(null, typeof(Guid?))),
                Expression.Equal(teamOfRecord, callerTeamId)),
            _ => null,
        };
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, record);
    }

    /// <summary>Whether the caller may make <paramref name="ownerId"/> (of <paramref name="ownerTeamId"/>) the owner of a record.</summary>
    public static bool CanAssignTo(this ICurrentUser user, Guid ownerId, Guid? ownerTeamId) => user.Scope() switch
    {
        ScopeKind.Own => ownerId == user.Id,
        ScopeKind.Team => ownerTeamId is not null && ownerTeamId == user.TeamId,
        _ => true,
    };

    internal sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }

    private sealed record Caller(Guid Id, Guid? TeamId);
}
