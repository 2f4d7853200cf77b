using AutoMapper;
using CrmPlatform.Customers.Domain;

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
    uint Version);

internal sealed class CustomerMappings : Profile
{
    public CustomerMappings() => CreateMap<Customer, CustomerDto>();
}
