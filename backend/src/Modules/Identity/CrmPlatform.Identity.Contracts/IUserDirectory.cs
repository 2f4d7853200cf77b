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

    /// <summary>The organisation as it stands: its regions, their teams and each team's members, by name.</summary>
    Task<Organisation> OrganisationAsync(CancellationToken cancellationToken);

    /// <summary>Whom a rep's escalation goes to at once: the managers of <paramref name="teamId"/> and every director.</summary>
    Task<IReadOnlyList<Guid>> SupervisorsAsync(Guid? teamId, CancellationToken cancellationToken);
}

/// <summary>Regions, their teams and the teams' members: what targets are split along (company → region → team → rep).</summary>
public sealed record Organisation(IReadOnlyList<OrganisationRegion> Regions)
{
    public OrganisationRegion? Region(Guid id) => Regions.FirstOrDefault(r => r.Id == id);

    public OrganisationTeam? Team(Guid id) => Regions.SelectMany(r => r.Teams).FirstOrDefault(t => t.Id == id);

    /// <summary>The team a user belongs to; null for someone in no team.</summary>
    public OrganisationTeam? TeamOf(Guid userId) => Regions.SelectMany(r => r.Teams).FirstOrDefault(t => t.Members.Any(m => m.Id == userId));

    public OrganisationRegion? RegionOf(Guid teamId) => Regions.FirstOrDefault(r => r.Teams.Any(t => t.Id == teamId));
}

public sealed record OrganisationRegion(Guid Id, string Name, IReadOnlyList<OrganisationTeam> Teams);

public sealed record OrganisationTeam(Guid Id, string Name, IReadOnlyList<OrganisationMember> Members);

/// <param name="Role">The member's widest role (see BuildingBlocks Roles).</param>
public sealed record OrganisationMember(Guid Id, string DisplayName, string Role);

/// <param name="Role">The user's widest role (see BuildingBlocks Roles).</param>
public sealed record UserSummary(Guid Id, string UserName, string DisplayName, Guid? TeamId, string Role);
