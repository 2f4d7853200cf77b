using CrmPlatform.BuildingBlocks.Security;

namespace CrmPlatform.Customers.Domain;

public enum CustomerKind
{
    Person,
    Company,
}

/// <summary>Purchase stage: 潜在 → 意向 → 成交 → 老客户.</summary>
public enum CustomerStage
{
    Prospect,
    Intent,
    Customer,
    Loyal,
}

/// <summary>The editable facts of a customer, shared by create and update.</summary>
public interface ICustomerFields
{
    string Name { get; }

    CustomerKind Kind { get; }

    string? Phone { get; }

    string? Email { get; }

    string? Company { get; }

    string? Position { get; }

    string? Region { get; }

    string? Industry { get; }

    CustomerStage Stage { get; }

    /// <summary>The owning rep; the caller when omitted.</summary>
    Guid? OwnerId { get; }
}

internal sealed class Customer : IOwnedRecord
{
    private Customer()
    {
    }

    public Guid Id { get; private init; }

    public string Name { get; private set; } = string.Empty;

    public CustomerKind Kind { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public string? Company { get; private set; }

    public string? Position { get; private set; }

    public string? Region { get; private set; }

    public string? Industry { get; private set; }

    public CustomerStage Stage { get; private set; }

    public Guid OwnerId { get; private set; }

    /// <summary>The owner's team when ownership was set: what a manager's record scope matches.</summary>
    public Guid? TeamId { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin): the ETag.</summary>
    public uint Version { get; private set; }

    public static Customer Create(ICustomerFields fields, Guid ownerId, Guid? teamId, DateTimeOffset now)
    {
        var customer = new Customer { Id = Guid.CreateVersion7(now), CreatedAt = now };
        customer.Apply(fields, ownerId, teamId, now);
        return customer;
    }

    public void Apply(ICustomerFields fields, Guid ownerId, Guid? teamId, DateTimeOffset now)
    {
        Name = fields.Name.Trim();
        Kind = fields.Kind;
        Phone = Normalize(fields.Phone);
        Email = Normalize(fields.Email);
        Company = Normalize(fields.Company);
        Position = Normalize(fields.Position);
        Region = Normalize(fields.Region);
        Industry = Normalize(fields.Industry);
        Stage = fields.Stage;
        OwnerId = ownerId;
        TeamId = teamId;
        UpdatedAt = now;
    }

    public void Archive(DateTimeOffset now)
    {
        ArchivedAt = now;
        UpdatedAt = now;
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
