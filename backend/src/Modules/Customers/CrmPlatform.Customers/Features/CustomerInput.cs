using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Localization;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Domain;
using FluentValidation;

namespace CrmPlatform.Customers.Features;

/// <summary>
/// The body of a create and of an update: the customer's facts and, optionally, its owner. An update
/// replaces every field, so a member left out goes back to its default. The length attributes put the
/// limits into the OpenAPI schema (maxLength), where clients and the SPA's form read them.
/// </summary>
/// <param name="OtherPhones">More numbers besides the main one (at most 5).</param>
/// <param name="Tags">Free labels (at most 20, each at most 30 characters); repeats are dropped, case-insensitively.</param>
/// <param name="Birthday">The person's birthday, when known; it is listed among the upcoming key dates.</param>
/// <param name="IncomeBand">Monthly income in yuan.</param>
/// <param name="Hobbies">爱好.</param>
/// <param name="Personality">性格.</param>
/// <param name="Family">家庭情况: family situation.</param>
/// <param name="Stage">Where the customer is in the purchase cycle; a prospect when omitted.</param>
/// <param name="Importance">重要 / 一般; general when omitted.</param>
/// <param name="PriorityTier">Sets the contact cadence; general when omitted.</param>
/// <param name="RelationshipLevel">客情层次, 1 to 4: helps with work, chats as equals, solves their problems, family-like; 1 when omitted.</param>
/// <param name="OwnerId">The owning rep; the caller when omitted on create, unchanged when omitted on update.</param>
public sealed record CustomerInput(
    [property: MaxLength(CustomerLimits.Name)] string Name,
    CustomerKind Kind,
    [property: MaxLength(CustomerLimits.Phone)] string? Phone = null,
    [property: MaxLength(CustomerLimits.OtherPhones), ItemMaxLength(CustomerLimits.Phone)] IReadOnlyList<string>? OtherPhones = null,
    [property: MaxLength(CustomerLimits.Email)] string? Email = null,
    [property: MaxLength(CustomerLimits.Text)] string? Company = null,
    [property: MaxLength(CustomerLimits.ShortText)] string? Position = null,
    [property: MaxLength(CustomerLimits.Text)] string? Address = null,
    [property: MaxLength(CustomerLimits.ShortText)] string? Region = null,
    [property: MaxLength(CustomerLimits.ShortText)] string? Industry = null,
    CustomerSource? Source = null,
    [property: MaxLength(CustomerLimits.Tags), ItemMaxLength(CustomerLimits.Tag)] IReadOnlyList<string>? Tags = null,
    Gender? Gender = null,
    DateOnly? Birthday = null,
    [property: MaxLength(CustomerLimits.ShortText)] string? Occupation = null,
    IncomeBand? IncomeBand = null,
    [property: MaxLength(CustomerLimits.LongText)] string? Hobbies = null,
    [property: MaxLength(CustomerLimits.LongText)] string? Personality = null,
    [property: MaxLength(CustomerLimits.LongText)] string? Family = null,
    [property: MaxLength(CustomerLimits.Text)] string? PreferredProducts = null,
    [property: MaxLength(CustomerLimits.Text)] string? PreferredColours = null,
    [property: MaxLength(CustomerLimits.Text)] string? PreferredSpecs = null,
    [property: MaxLength(CustomerLimits.Text)] string? PreferredChannels = null,
    // The defaults are also written into the OpenAPI schema, so generated clients start from them.
    [property: DefaultValue(CustomerStage.Prospect)] CustomerStage Stage = CustomerStage.Prospect,
    [property: DefaultValue(Importance.General)] Importance Importance = Importance.General,
    [property: DefaultValue(PriorityTier.General)] PriorityTier PriorityTier = PriorityTier.General,
    [property: DefaultValue(CustomerLimits.LowestRelationshipLevel)]
    [property: Range(CustomerLimits.LowestRelationshipLevel, CustomerLimits.HighestRelationshipLevel)]
    int RelationshipLevel = CustomerLimits.LowestRelationshipLevel,
    Guid? OwnerId = null)
{
    /// <summary>The customer's facts as they stand, for a change that replaces only some of them (an import's update).</summary>
    internal static CustomerInput Of(Customer c) => new(
        c.Name, c.Kind, c.Phone, c.OtherPhones, c.Email, c.Company, c.Position, c.Address, c.Region, c.Industry, c.Source, c.Tags,
        c.Gender, c.Birthday, c.Occupation, c.IncomeBand, c.Hobbies, c.Personality, c.Family,
        c.PreferredProducts, c.PreferredColours, c.PreferredSpecs, c.PreferredChannels,
        c.Stage, c.Importance, c.PriorityTier, c.RelationshipLevel);

    internal CustomerDetails Details => new(
        Name,
        Kind,
        Phone,
        OtherPhones ?? [],
        Email,
        Company,
        Position,
        Address,
        Region,
        Industry,
        Source,
        Tags ?? [],
        new CustomerProfile(Gender, Birthday, Occupation, IncomeBand, Hobbies, Personality, Family),
        new CustomerPreferences(PreferredProducts, PreferredColours, PreferredSpecs, PreferredChannels),
        new CustomerClassification(Stage, Importance, PriorityTier, RelationshipLevel));
}

/// <summary>Shape rules of the body, the same for create and update.</summary>
internal sealed class CustomerInputValidator : AbstractValidator<CustomerInput>
{
    private static readonly DateOnly EarliestBirthday = new(1900, 1, 1);

    public CustomerInputValidator(TimeProvider clock)
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(CustomerLimits.Name);
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Phone).PhoneNumber(CustomerLimits.Phone);
        RuleFor(c => c.OtherPhones).Must(phones => phones is null || phones.Count <= CustomerLimits.OtherPhones)
            .WithMessage($"At most {CustomerLimits.OtherPhones} other phones.");
        RuleForEach(c => c.OtherPhones).NotEmpty().PhoneNumber(CustomerLimits.Phone);
        RuleFor(c => c.Email).MaximumLength(CustomerLimits.Email).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email));
        RuleFor(c => c.Company).MaximumLength(CustomerLimits.Text);
        RuleFor(c => c.Position).MaximumLength(CustomerLimits.ShortText);
        RuleFor(c => c.Address).MaximumLength(CustomerLimits.Text);
        RuleFor(c => c.Region).MaximumLength(CustomerLimits.ShortText);
        RuleFor(c => c.Industry).MaximumLength(CustomerLimits.ShortText);
        RuleFor(c => c.Source).IsInEnum();
        RuleFor(c => c.Tags).Must(tags => tags is null || tags.Count <= CustomerLimits.Tags).WithMessage($"At most {CustomerLimits.Tags} tags.");
        RuleForEach(c => c.Tags).NotEmpty().MaximumLength(CustomerLimits.Tag);
        RuleFor(c => c.Gender).IsInEnum();
        // Read per request: the validator outlives midnight.
        RuleFor(c => c.Birthday).Must(day => day is null || (day >= EarliestBirthday && day <= ChinaTime.Today(clock)))
            .WithMessage("A birthday is between 1900 and today.");
        RuleFor(c => c.Occupation).MaximumLength(CustomerLimits.ShortText);
        RuleFor(c => c.IncomeBand).IsInEnum();
        RuleFor(c => c.Hobbies).MaximumLength(CustomerLimits.LongText);
        RuleFor(c => c.Personality).MaximumLength(CustomerLimits.LongText);
        RuleFor(c => c.Family).MaximumLength(CustomerLimits.LongText);
        RuleFor(c => c.PreferredProducts).MaximumLength(CustomerLimits.Text);
        RuleFor(c => c.PreferredColours).MaximumLength(CustomerLimits.Text);
        RuleFor(c => c.PreferredSpecs).MaximumLength(CustomerLimits.Text);
        RuleFor(c => c.PreferredChannels).MaximumLength(CustomerLimits.Text);
        RuleFor(c => c.Stage).IsInEnum();
        RuleFor(c => c.Importance).IsInEnum();
        RuleFor(c => c.PriorityTier).IsInEnum();
        RuleFor(c => c.RelationshipLevel).InclusiveBetween(CustomerLimits.LowestRelationshipLevel, CustomerLimits.HighestRelationshipLevel);
        RuleFor(c => c.OwnerId).NotEqual(Guid.Empty);
    }
}

internal static partial class PhoneRule
{
    /// <summary>An optional phone (surrounding spaces are dropped when stored): digits, spaces, '-' and a leading '+', at most <paramref name="maxLength"/> characters.</summary>
    public static IRuleBuilderOptions<T, string?> PhoneNumber<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength)
            .Must(phone => string.IsNullOrWhiteSpace(phone) || Pattern().IsMatch(phone.Trim()))
            .WithMessage(_ => CrmLocalization.Message(ValidationMessageKeys.PhoneFormat));

    [System.Text.RegularExpressions.GeneratedRegex(@"^\+?[0-9][0-9 \-]{4,}$")]
    private static partial System.Text.RegularExpressions.Regex Pattern();
}
