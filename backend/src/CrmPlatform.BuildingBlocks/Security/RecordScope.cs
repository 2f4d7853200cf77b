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
        where T : class, IOwnedRecord => records.Where(Predicate<T>(user));

    /// <summary>Whether the caller may make <paramref name="ownerId"/> (of <paramref name="ownerTeamId"/>) the owner of a record.</summary>
    public static bool CanAssignTo(this ICurrentUser user, Guid ownerId, Guid? ownerTeamId) => user.Role switch
    {
        Roles.Rep => ownerId == user.Id,
        Roles.Manager => ownerTeamId is not null && ownerTeamId == user.TeamId,
        _ => true,
    };

    private static Expression<Func<T, bool>> Predicate<T>(ICurrentUser user)
        where T : IOwnedRecord
    {
        var userId = user.Id;
        var teamId = user.TeamId;
        return user.Role switch
        {
            Roles.Rep => r => r.OwnerId == userId,
            Roles.Manager => r => r.TeamId != null && r.TeamId == teamId,
            _ => r => true,
        };
    }
}
