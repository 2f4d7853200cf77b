using CrmPlatform.BuildingBlocks.Localization;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using CrmPlatform.Identity.Contracts;
using FluentValidation;

namespace CrmPlatform.Customers.Features;

/// <summary>Shape rules for the fields create and update share.</summary>
internal abstract class CustomerFieldsValidator<T> : AbstractValidator<T>
    where T : ICustomerFields
{
    protected CustomerFieldsValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(CustomerLimits.Name);
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Stage).IsInEnum();
        RuleFor(c => c.Phone).MaximumLength(CustomerLimits.Phone)
            .Matches(@"^\+?[0-9][0-9 \-]{4,}$").WithMessage(_ => CrmLocalization.Message(ValidationMessageKeys.PhoneFormat))
            .When(c => !string.IsNullOrWhiteSpace(c.Phone));
        RuleFor(c => c.Email).MaximumLength(CustomerLimits.Email).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email));
        RuleFor(c => c.Company).MaximumLength(CustomerLimits.Text);
        RuleFor(c => c.Position).MaximumLength(CustomerLimits.ShortText);
        RuleFor(c => c.Region).MaximumLength(CustomerLimits.ShortText);
        RuleFor(c => c.Industry).MaximumLength(CustomerLimits.ShortText);
        RuleFor(c => c.OwnerId).NotEqual(Guid.Empty);
    }
}

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
