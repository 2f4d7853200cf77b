using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Localization;
using CrmPlatform.Customers.Domain;
using FluentValidation;

namespace CrmPlatform.Customers.Features;

/// <summary>
/// The body of a create and of an update: the customer's facts and, optionally, its owner. The length
/// attributes put the limits into the OpenAPI schema (maxLength), where clients and the SPA's form read them.
/// </summary>
/// <param name="Stage">Where the customer is in the purchase cycle; a prospect when omitted.</param>
/// <param name="OwnerId">The owning rep; the caller when omitted on create, unchanged when omitted on update.</param>
public sealed record CustomerInput(
    [property: MaxLength(CustomerLimits.Name)] string Name,
    CustomerKind Kind,
    [property: MaxLength(CustomerLimits.Phone)] string? Phone,
    [property: MaxLength(CustomerLimits.Email)] string? Email,
    [property: MaxLength(CustomerLimits.Text)] string? Company,
    [property: MaxLength(CustomerLimits.ShortText)] string? Position,
    [property: MaxLength(CustomerLimits.ShortText)] string? Region,
    [property: MaxLength(CustomerLimits.ShortText)] string? Industry,
    CustomerStage Stage = CustomerStage.Prospect,
    Guid? OwnerId = null)
{
    internal CustomerDetails Details => new(Name, Kind, Phone, Email, Company, Position, Region, Industry, Stage);
}

/// <summary>Shape rules of the body, the same for create and update.</summary>
internal sealed class CustomerInputValidator : AbstractValidator<CustomerInput>
{
    public static readonly CustomerInputValidator Instance = new();

    public CustomerInputValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(CustomerLimits.Name);
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Stage).IsInEnum();
        RuleFor(c => c.Phone).PhoneNumber(CustomerLimits.Phone);
        RuleFor(c => c.Email).MaximumLength(CustomerLimits.Email).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email));
        RuleFor(c => c.Company).MaximumLength(CustomerLimits.Text);
        RuleFor(c => c.Position).MaximumLength(CustomerLimits.ShortText);
        RuleFor(c => c.Region).MaximumLength(CustomerLimits.ShortText);
        RuleFor(c => c.Industry).MaximumLength(CustomerLimits.ShortText);
        RuleFor(c => c.OwnerId).NotEqual(Guid.Empty);
    }
}

internal static partial class PhoneRule
{
    /// <summary>An optional phone: digits, spaces, '-' and a leading '+', at most <paramref name="maxLength"/> characters.</summary>
    public static IRuleBuilderOptions<T, string?> PhoneNumber<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength)
            .Must(phone => string.IsNullOrWhiteSpace(phone) || Pattern().IsMatch(phone))
            .WithMessage(_ => CrmLocalization.Message(ValidationMessageKeys.PhoneFormat));

    [System.Text.RegularExpressions.GeneratedRegex(@"^\+?[0-9][0-9 \-]{4,}$")]
    private static partial System.Text.RegularExpressions.Regex Pattern();
}
