using CrmPlatform.BuildingBlocks.Auditing;
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

/// <summary>The longest text each field keeps: the columns' sizes, and what the API accepts and documents.</summary>
internal static class CustomerLimits
{
    public const int Name = 100;
    public const int Phone = 30;
    public const int Email = 200;
    public const int Text = 200;
    public const int ShortText = 100;
}

/// <summary>What a customer is, as opposed to who owns it: the facts a rep records and edits.</summary>
internal sealed record CustomerDetails(
    string Name,
    CustomerKind Kind,
    string? Phone,
    string? Email,
    string? Company,
    string? Position,
    string? Region,
    string? Industry,
    CustomerStage Stage);

internal sealed class Customer : IOwnedRecord, IAudited
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

    [NotAudited]
    public DateTimeOffset CreatedAt { get; private init; }

    [NotAudited]
    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin): the ETag.</summary>
    public uint Version { get; private set; }

    public static Customer Create(CustomerDetails details, Guid ownerId, Guid? teamId, DateTimeOffset now)
    {
        var customer = new Customer { Id = Guid.CreateVersion7(now), CreatedAt = now };
        customer.Describe(details, now);
        customer.AssignTo(ownerId, teamId, now);
        return customer;
    }

    /// <summary>Records the customer's facts; true when this renames the customer.</summary>
    public bool Describe(CustomerDetails details, DateTimeOffset now)
    {
        var name = details.Name.Trim();
        var renamed = name != Name;
        Name = name;
        Kind = details.Kind;
        Phone = Normalize(details.Phone);
        Email = Normalize(details.Email);
        Company = Normalize(details.Company);
        Position = Normalize(details.Position);
        Region = Normalize(details.Region);
        Industry = Normalize(details.Industry);
        Stage = details.Stage;
        UpdatedAt = now;
        return renamed;
    }

    /// <summary>Gives the customer to a rep, and so to the rep's team.</summary>
    public void AssignTo(Guid ownerId, Guid? teamId, DateTimeOffset now)
    {
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
