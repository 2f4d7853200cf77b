namespace CrmPlatform.Identity.Contracts;

/// <summary>What other modules may ask about users: enough to assign owners and show names.</summary>
public interface IUserDirectory
{
    Task<UserSummary?> FindAsync(Guid userId, CancellationToken cancellationToken);

    Task<UserSummary?> FindByUserNameAsync(string userName, CancellationToken cancellationToken);
}

/// <param name="Role">The user's widest role (see BuildingBlocks Roles).</param>
public sealed record UserSummary(Guid Id, string UserName, string DisplayName, Guid? TeamId, string Role);
