using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Identity.Contracts;

namespace CrmPlatform.Customers.Features;

/// <summary>The owner a customer gets, and the owner's team that a manager's record scope matches.</summary>
internal sealed record Owner(Guid Id, Guid? TeamId);

/// <summary>Decides who may own a customer: the owner must exist and be within the caller's reach.</summary>
internal sealed class OwnerAssignment(IUserDirectory users, ICurrentUser currentUser)
{
    public async Task<Result<Owner>> ResolveAsync(Guid? requestedOwnerId, CancellationToken cancellationToken)
    {
        // The caller's own id and team come with their sign-in: no lookup for the common case.
        if (requestedOwnerId is null || requestedOwnerId == currentUser.Id)
        {
            return new Owner(currentUser.Id, currentUser.TeamId);
        }

        var owner = await users.FindAsync(requestedOwnerId.Value, cancellationToken);
        if (owner is null)
        {
            return Error.Unprocessable("customer.owner_unknown", "ownerId", $"No user '{requestedOwnerId}' exists.");
        }

        return currentUser.CanAssignTo(owner.Id, owner.TeamId)
            ? new Owner(owner.Id, owner.TeamId)
            : Error.Unprocessable("customer.owner_out_of_scope", "ownerId", "You may not give customers to this user (outside your team or role).");
    }
}
