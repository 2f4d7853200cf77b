namespace CrmPlatform.Identity.Contracts;

/// <summary>What other modules may ask about users: enough to assign owners and show names.</summary>
public interface IUserDirectory
{
    Task<UserSummary?> FindAsync(Guid userId, CancellationToken cancellationToken);

    Task<UserSummary?> FindByUserNameAsync(string userName, CancellationToken cancellationToken);

    /// <summary>
    /// Display names of a batch of users, for rows that show who owns them; unknown ids are absent.
    /// Served from memory for a few minutes, so a page of rows costs no query once its owners were seen.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, string>> DisplayNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>One user's display name (null when unknown), from the same cache: no allocation and no query on a hit.</summary>
    ValueTask<string?> DisplayNameAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Names of a batch of teams, for figures grouped by team; unknown ids are absent. From memory like the users' names.</summary>
    Task<IReadOnlyDictionary<Guid, string>> TeamNamesAsync(IReadOnlyCollection<Guid> teamIds, CancellationToken cancellationToken);
}

/// <param name="Role">The user's widest role (see BuildingBlocks Roles).</param>
public sealed record UserSummary(Guid Id, string UserName, string DisplayName, Guid? TeamId, string Role);
