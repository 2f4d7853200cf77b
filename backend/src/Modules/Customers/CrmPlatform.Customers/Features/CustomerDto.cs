using AutoMapper;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Identity.Contracts;

namespace CrmPlatform.Customers.Features;

/// <param name="Version">Row version; the ETag header is this number in quotes.</param>
public sealed record CustomerDto(
    Guid Id,
    string Name,
    CustomerKind Kind,
    string? Phone,
    string? Email,
    string? Company,
    string? Position,
    string? Region,
    string? Industry,
    CustomerStage Stage,
    Guid OwnerId,
    Guid? TeamId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version)
{
    /// <summary>The owner's display name, so a page shows who owns each row without looking up users.</summary>
    public string? OwnerName { get; init; }
}

internal sealed class CustomerMappings : Profile
{
    // The owner's name lives in the Identity module: OwnerNames adds it after the projection.
    public CustomerMappings() => CreateMap<Customer, CustomerDto>().ForMember(d => d.OwnerName, o => o.Ignore());
}

/// <summary>Adds owners' display names to customers read from this module's tables (one batch per page).</summary>
internal sealed class OwnerNames(IUserDirectory users)
{
    public async Task<CustomerDto> AddToAsync(CustomerDto customer, CancellationToken cancellationToken) =>
        customer with { OwnerName = await users.DisplayNameAsync(customer.OwnerId, cancellationToken) };

    public async Task<IReadOnlyList<CustomerDto>> AddToAsync(IReadOnlyList<CustomerDto> customers, CancellationToken cancellationToken)
    {
        var names = await users.DisplayNamesAsync([.. customers.Select(c => c.OwnerId).Distinct()], cancellationToken);
        return [.. customers.Select(c => c with { OwnerName = names.GetValueOrDefault(c.OwnerId) })];
    }
}
