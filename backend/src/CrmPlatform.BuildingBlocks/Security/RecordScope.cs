using System.Linq.Expressions;

namespace CrmPlatform.BuildingBlocks.Security;

/// <summary>A record owned by one user of one team: what record scope filters on.</summary>
public interface IOwnedRecord
{
    Guid OwnerId { get; }

    Guid? TeamId { get; }
}

/// <summary>
/// The single definition of who sees what: Rep — own records; Manager — own team's;
/// Director, Service and Admin — all. Out-of-scope records are simply absent (callers answer 404).
/// </summary>
public static class RecordScope
{
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> records, ICurrentUser user)
        where T : class, IOwnedRecord => records.VisibleTo(user, r => r.OwnerId, r => r.TeamId);

    /// <summary>
    /// The same rule for rows that are not <see cref="IOwnedRecord"/>s but have an owner and a team,
    /// e.g. users (a user "owns" themself).
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(
        this IQueryable<T> records, ICurrentUser user, Expression<Func<T, Guid>> owner, Expression<Func<T, Guid?>> team)
    {
        var userId = user.Id;
        var teamId = user.TeamId;
        Expression<Func<Guid, Guid?, bool>>? rule = user.Role switch
        {
            Roles.Rep => (ownerId, _) => ownerId == userId,
            Roles.Manager => (_, ownerTeamId) => ownerTeamId != null && ownerTeamId == teamId,
            _ => null,
        };
        if (rule is null)
        {
            return records;
        }

        var record = owner.Parameters[0];
        var teamOfRecord = new Substitute(team.Parameters[0], record).Visit(team.Body);
        var body = new Substitute(rule.Parameters[1], teamOfRecord).Visit(new Substitute(rule.Parameters[0], owner.Body).Visit(rule.Body));
        return records.Where(Expression.Lambda<Func<T, bool>>(body, record));
    }

    /// <summary>Whether the caller may make <paramref name="ownerId"/> (of <paramref name="ownerTeamId"/>) the owner of a record.</summary>
    public static bool CanAssignTo(this ICurrentUser user, Guid ownerId, Guid? ownerTeamId) => user.Role switch
    {
        Roles.Rep => ownerId == user.Id,
        Roles.Manager => ownerTeamId is not null && ownerTeamId == user.TeamId,
        _ => true,
    };

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
