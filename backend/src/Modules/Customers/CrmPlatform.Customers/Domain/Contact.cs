using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Text;

namespace CrmPlatform.Customers.Domain;

/// <summary>Who a contact is to the customer — for a shop: 老板/真正决策者, 采购, 店长, 店员, 老板的家人.</summary>
public enum ContactRole
{
    DecisionMaker,
    Purchasing,
    StoreManager,
    StoreStaff,
    BossFamily,
    Other,
}

internal static class ContactLimits
{
    public const int Name = 100;
    public const int Phone = 30;
    public const int Text = 500;
}

/// <summary>The facts a rep records about a contact.</summary>
internal sealed record ContactDetails(string Name, ContactRole Role, string? Phone, string? Likes, string? Notes, DateOnly? Birthday);

/// <summary>A person at the customer the rep keeps in touch with; seen by whoever may see the customer.</summary>
internal sealed class Contact : IAudited
{
    private Contact()
    {
    }

    public Guid Id { get; private init; }

    public Guid CustomerId { get; private init; }

    public string Name { get; private set; } = string.Empty;

    public ContactRole Role { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>爱好: what they like (a gift, a topic).</summary>
    public string? Likes { get; private set; }

    /// <summary>Weaknesses and anything else worth remembering.</summary>
    public string? Notes { get; private set; }

    public DateOnly? Birthday { get; private set; }

    [NotAudited]
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Row version (PostgreSQL xmin): the ETag.</summary>
    public uint Version { get; private set; }

    public static Contact Add(Guid customerId, ContactDetails details, DateTimeOffset now)
    {
        var contact = new Contact { Id = Guid.CreateVersion7(now), CustomerId = customerId };
        contact.Describe(details, now);
        return contact;
    }

    public void Describe(ContactDetails details, DateTimeOffset now)
    {
        Name = details.Name.Trim();
        Role = details.Role;
        Phone = OptionalText.Normalize(details.Phone);
        Likes = OptionalText.Normalize(details.Likes);
        Notes = OptionalText.Normalize(details.Notes);
        Birthday = details.Birthday;
        UpdatedAt = now;
    }
}
