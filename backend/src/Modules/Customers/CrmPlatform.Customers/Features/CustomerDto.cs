using AutoMapper;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using CrmPlatform.Identity.Contracts;

namespace CrmPlatform.Customers.Features;

/// <summary>A customer as every read and write returns it: the editable fields (as in <see cref="CustomerInput"/>), ownership and activity.</summary>
/// <param name="LastInteractionAt">The latest timeline entry of any kind.</param>
/// <param name="LastContactedAt">The latest call that reached the customer, meeting or visit.</param>
/// <param name="LastVisitedAt">The latest meeting or visit.</param>
/// <param name="Version">Row version; the ETag header is this number in quotes.</param>
public sealed record CustomerDto(
    Guid Id,
    string Name,
    CustomerKind Kind,
    string? Phone,
    string[] OtherPhones,
    string? Email,
    string? Company,
    string? Position,
    string? Address,
    string? Region,
    string? Industry,
    CustomerSource? Source,
    string[] Tags,
    Gender? Gender,
    DateOnly? Birthday,
    string? Occupation,
    IncomeBand? IncomeBand,
    string? Hobbies,
    string? Personality,
    string? Family,
    string? PreferredProducts,
    string? PreferredColours,
    string? PreferredSpecs,
    string? PreferredChannels,
    CustomerStage Stage,
    Importance Importance,
    PriorityTier PriorityTier,
    int RelationshipLevel,
    Guid OwnerId,
    Guid? TeamId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastInteractionAt,
    DateTimeOffset? LastContactedAt,
    DateTimeOffset? LastVisitedAt,
    uint Version) : IContactHistory
{
    /// <summary>The owner's display name, so a page shows who owns each row without looking up users.</summary>
    public string? OwnerName { get; init; }

    /// <summary>Next call and visit due, overdue and stale, from the tier's cadence and the timeline.</summary>
    public CustomerCadenceDto? Cadence { get; init; }

    /// <summary>The value tier (价值分级) that stands, the computed one and the override, with the window's purchases.</summary>
    public CustomerValueDto? Value { get; init; }
}

internal sealed class CustomerMappings : Profile
{
    public CustomerMappings() => CreateMap<Customer, CustomerDto>()
        .ForActivity()
        // The owner's name lives in the Identity module and the cadence needs the settings: CustomerViews adds both after the projection.
        .ForMember(d => d.OwnerName, o => o.Ignore())
        .ForMember(d => d.Cadence, o => o.Ignore())
        // The window's length is a setting: CustomerViews adds it too.
        .ForMember(d => d.Value, o => o.MapFrom(c => new CustomerValueDto(
            c.ValueTierOverride ?? (c.Rating != null ? c.Rating.Tier : (ValueTier?)null),
            c.Rating != null ? c.Rating.Tier : (ValueTier?)null,
            c.ValueTierOverride,
            c.ValueTierReason,
            c.Rating != null ? c.Rating.PurchaseTotal : 0,
            c.Rating != null ? c.Rating.PurchaseCount : 0,
            0)));
}

internal static class ActivityMapping
{
    /// <summary>The activity dates live in <c>customer_activity</c> (ADR 0017): none until the first timeline entry.</summary>
    public static IMappingExpression<Customer, T> ForActivity<T>(this IMappingExpression<Customer, T> map)
        where T : IContactHistory => map
        .ForCtorParam(nameof(IContactHistory.LastInteractionAt), o => o.MapFrom(c => c.Activity != null ? c.Activity.LastInteractionAt : (DateTimeOffset?)null))
        .ForCtorParam(nameof(IContactHistory.LastContactedAt), o => o.MapFrom(c => c.Activity != null ? c.Activity.LastContactedAt : null))
        .ForCtorParam(nameof(IContactHistory.LastVisitedAt), o => o.MapFrom(c => c.Activity != null ? c.Activity.LastVisitedAt : null));
}

/// <summary>What <see cref="CustomerViews"/> completes a customer from, in its full and its list shape alike: the owner, and the facts its cadence is computed from.</summary>
internal interface IContactHistory
{
    Guid OwnerId { get; }

    PriorityTier PriorityTier { get; }

    DateTimeOffset CreatedAt { get; }

    DateTimeOffset UpdatedAt { get; }

    DateTimeOffset? LastInteractionAt { get; }

    DateTimeOffset? LastContactedAt { get; }

    DateTimeOffset? LastVisitedAt { get; }
}

/// <summary>
/// Completes customers read from this module's tables with what a projection cannot give: owners' display
/// names (one batch per page) and where each stands against its cadence (from the cached settings).
/// </summary>
internal sealed class CustomerViews(CustomersDbContext db, IUserDirectory users, SettingsCache settings, TimeProvider clock)
{
    public async Task<CustomerDto> CompleteAsync(CustomerDto customer, CancellationToken cancellationToken) =>
        (await CompleteAsync([customer], cancellationToken))[0];

    public async Task<IReadOnlyList<CustomerDto>> CompleteAsync(IReadOnlyList<CustomerDto> customers, CancellationToken cancellationToken) =>
        await CompleteAsync(customers, await RulesAsync(cancellationToken), cancellationToken);

    /// <summary>The settings the cadence is computed by; read beforehand for customers streamed on this module's connection.</summary>
    public Task<CustomerSettings> RulesAsync(CancellationToken cancellationToken) => settings.GetAsync(db, cancellationToken);

    public Task<IReadOnlyList<CustomerDto>> CompleteAsync(IReadOnlyList<CustomerDto> customers, CustomerSettings rules, CancellationToken cancellationToken) =>
        CompleteAsync(customers, rules, (c, ownerName, cadence) => c with
        {
            OwnerName = ownerName,
            Cadence = cadence,
            Value = c.Value is { } value ? value with { WindowMonths = rules.ValueWindowMonths } : null,
        }, cancellationToken);

    public async Task<IReadOnlyList<CustomerSummaryDto>> CompleteAsync(IReadOnlyList<CustomerSummaryDto> customers, CancellationToken cancellationToken) =>
        await CompleteAsync(customers, await RulesAsync(cancellationToken), (c, ownerName, cadence) => c with { OwnerName = ownerName, Cadence = cadence }, cancellationToken);

    private async Task<IReadOnlyList<T>> CompleteAsync<T>(
        IReadOnlyList<T> customers, CustomerSettings rules, Func<T, string?, CustomerCadenceDto, T> complete, CancellationToken cancellationToken)
        where T : IContactHistory
    {
        var names = await users.DisplayNamesAsync([.. customers.Select(c => c.OwnerId).Distinct()], cancellationToken);
        var today = ChinaTime.Today(clock);
        return [.. customers.Select(c => complete(c, names.GetValueOrDefault(c.OwnerId), ContactCadence.Of(c, rules, today)))];
    }
}
