using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Text;

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

public enum Gender
{
    Male,
    Female,
}

/// <summary>Monthly income in yuan: under 5,000; 5,000–10,000; 10,000–20,000; 20,000–50,000; over 50,000.</summary>
public enum IncomeBand
{
    Under5k,
    From5kTo10k,
    From10kTo20k,
    From20kTo50k,
    Over50k,
}

/// <summary>How the customer came to us: 老客户介绍, 展会, 网络, 陌生拜访/电话, 其他.</summary>
public enum CustomerSource
{
    Referral,
    Exhibition,
    Web,
    ColdCall,
    Other,
}

/// <summary>重要 / 一般.</summary>
public enum Importance
{
    General,
    Key,
}

/// <summary>How often the rep keeps in touch (优先 / 一般 / 最后); the cadence of each tier is a setting.</summary>
/// <remarks>General comes first: it is the default (0) that generated clients start from.</remarks>
public enum PriorityTier
{
    General,
    Priority,
    Last,
}

/// <summary>The longest text each field keeps: the columns' sizes, and what the API accepts and documents.</summary>
internal static class CustomerLimits
{
    public const int Name = 100;
    public const int Phone = 30;
    public const int Email = 200;
    public const int Text = 200;
    public const int ShortText = 100;
    public const int LongText = 500;
    public const int Tag = 30;
    public const int Tags = 20;
    public const int OtherPhones = 5;

    /// <summary>客情层次: 1 helps with work, 2 chats as equals, 3 solves their problems, 4 family-like.</summary>
    public const int LowestRelationshipLevel = 1;
    public const int HighestRelationshipLevel = 4;
}

/// <summary>What a customer is, as opposed to who owns it: the facts a rep records and edits.</summary>
internal sealed record CustomerDetails(
    string Name,
    CustomerKind Kind,
    string? Phone,
    IReadOnlyList<string> OtherPhones,
    string? Email,
    string? Company,
    string? Position,
    string? Address,
    string? Region,
    string? Industry,
    CustomerSource? Source,
    IReadOnlyList<string> Tags,
    CustomerProfile Profile,
    CustomerPreferences Preferences,
    CustomerClassification Classification);

/// <summary>The person behind the record: what a rep learns over time (爱好, 性格, 家庭情况…).</summary>
internal sealed record CustomerProfile(
    Gender? Gender,
    DateOnly? Birthday,
    string? Occupation,
    IncomeBand? IncomeBand,
    string? Hobbies,
    string? Personality,
    string? Family);

/// <summary>What the customer prefers to buy and how: products, colours, specifications, channels.</summary>
internal sealed record CustomerPreferences(string? Products, string? Colours, string? Specs, string? Channels);

/// <summary>The classification a rep sets by hand; the value tier is computed from purchases.</summary>
internal sealed record CustomerClassification(CustomerStage Stage, Importance Importance, PriorityTier PriorityTier, int RelationshipLevel);

internal sealed class Customer : IOwnedRecord, IAudited
{
    private Customer()
    {
    }

    public Guid Id { get; private init; }

    public string Name { get; private set; } = string.Empty;

    public CustomerKind Kind { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>More numbers (a second mobile, the shop's landline), as typed.</summary>
    public string[] OtherPhones { get; private set; } = [];

    public string? Email { get; private set; }

    public string? Company { get; private set; }

    public string? Position { get; private set; }

    public string? Address { get; private set; }

    public string? Region { get; private set; }

    public string? Industry { get; private set; }

    public CustomerSource? Source { get; private set; }

    /// <summary>Free labels, each once (case-insensitively), in the order given.</summary>
    public string[] Tags { get; private set; } = [];

    public Gender? Gender { get; private set; }

    public DateOnly? Birthday { get; private set; }

    public string? Occupation { get; private set; }

    public IncomeBand? IncomeBand { get; private set; }

    public string? Hobbies { get; private set; }

    public string? Personality { get; private set; }

    public string? Family { get; private set; }

    public string? PreferredProducts { get; private set; }

    public string? PreferredColours { get; private set; }

    public string? PreferredSpecs { get; private set; }

    public string? PreferredChannels { get; private set; }

    public CustomerStage Stage { get; private set; }

    public Importance Importance { get; private set; }

    public PriorityTier PriorityTier { get; private set; }

    public int RelationshipLevel { get; private set; }

    /// <summary>A value tier set by hand over the one purchases give (null: the computed one stands).</summary>
    public ValueTier? ValueTierOverride { get; private set; }

    /// <summary>Why the tier was set or given back to the computation: an override needs a reason.</summary>
    public string? ValueTierReason { get; private set; }

    /// <summary>When the customer was last on the timeline; kept by <see cref="CustomerActivity"/>, never by an edit.</summary>
    public CustomerActivity? Activity { get; private set; }

    /// <summary>Its value tier from purchases; kept by <see cref="CustomerValue"/>, never by an edit.</summary>
    public CustomerValue? Rating { get; private set; }

    public Guid OwnerId { get; private set; }

    /// <summary>The owner's team when ownership was set: what a manager's record scope matches, and whose pool it returns to.</summary>
    public Guid? TeamId { get; private set; }

    /// <summary>When the current owner got the customer: a customer just given or claimed is not stale.</summary>
    [NotAudited]
    public DateTimeOffset AssignedAt { get; private set; }

    /// <summary>
    /// Set while the customer is in its team's pool (公海): nobody's, hidden from every list and card, until a
    /// rep of the team claims it. <see cref="OwnerId"/> keeps the last owner.
    /// </summary>
    public DateTimeOffset? PooledAt { get; private set; }

    /// <summary>Set when a manager merged this record into another (the survivor): gone, but its address points there.</summary>
    public Guid? MergedIntoId { get; private set; }

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
        Phone = OptionalText.Normalize(details.Phone);
        OtherPhones = Distinct(details.OtherPhones);
        Email = OptionalText.Normalize(details.Email);
        Company = OptionalText.Normalize(details.Company);
        Position = OptionalText.Normalize(details.Position);
        Address = OptionalText.Normalize(details.Address);
        Region = OptionalText.Normalize(details.Region);
        Industry = OptionalText.Normalize(details.Industry);
        Source = details.Source;
        Tags = Distinct(details.Tags);
        var profile = details.Profile;
        Gender = profile.Gender;
        Birthday = profile.Birthday;
        Occupation = OptionalText.Normalize(profile.Occupation);
        IncomeBand = profile.IncomeBand;
        Hobbies = OptionalText.Normalize(profile.Hobbies);
        Personality = OptionalText.Normalize(profile.Personality);
        Family = OptionalText.Normalize(profile.Family);
        var preferences = details.Preferences;
        PreferredProducts = OptionalText.Normalize(preferences.Products);
        PreferredColours = OptionalText.Normalize(preferences.Colours);
        PreferredSpecs = OptionalText.Normalize(preferences.Specs);
        PreferredChannels = OptionalText.Normalize(preferences.Channels);
        var classification = details.Classification;
        Stage = classification.Stage;
        Importance = classification.Importance;
        PriorityTier = classification.PriorityTier;
        RelationshipLevel = classification.RelationshipLevel;
        UpdatedAt = now;
        return renamed;
    }

    /// <summary>Gives the customer to a rep, and so to the rep's team.</summary>
    public void AssignTo(Guid ownerId, Guid? teamId, DateTimeOffset now)
    {
        OwnerId = ownerId;
        TeamId = teamId;
        AssignedAt = now;
        PooledAt = null;
        UpdatedAt = now;
    }

    public void ReturnToPool(DateTimeOffset now)
    {
        PooledAt = now;
        UpdatedAt = now;
    }

    /// <summary>The facts of a record that a merge keeps from the survivor when the duplicate says otherwise (see <see cref="Absorb"/>).</summary>
    public static readonly IReadOnlyList<string> SingleFacts =
    [
        nameof(Name), nameof(Kind), nameof(Email), nameof(Company), nameof(Position), nameof(Address), nameof(Region), nameof(Industry),
        nameof(Source), nameof(Gender), nameof(Birthday), nameof(Occupation), nameof(IncomeBand), nameof(Hobbies), nameof(Personality),
        nameof(Family), nameof(PreferredProducts), nameof(PreferredColours), nameof(PreferredSpecs), nameof(PreferredChannels), nameof(PriorityTier),
    ];

    /// <summary>
    /// Takes in what the duplicate knows and this record does not: empty fields are filled from it, phones
    /// and tags are joined, and the classification keeps the further stage, key importance and the closer
    /// relationship. Where both say something else (<see cref="SingleFacts"/>), this record's word stands; the
    /// merge records the duplicate's in the history.
    /// </summary>
    public void Absorb(Customer duplicate, DateTimeOffset now)
    {
        Phone ??= duplicate.Phone;
        OtherPhones = [.. Distinct([.. OtherPhones, .. new[] { duplicate.Phone }.OfType<string>(), .. duplicate.OtherPhones]).Where(p => p != Phone)];
        Email ??= duplicate.Email;
        Company ??= duplicate.Company;
        Position ??= duplicate.Position;
        Address ??= duplicate.Address;
        Region ??= duplicate.Region;
        Industry ??= duplicate.Industry;
        Source ??= duplicate.Source;
        Tags = Distinct([.. Tags, .. duplicate.Tags]);
        Gender ??= duplicate.Gender;
        Birthday ??= duplicate.Birthday;
        Occupation ??= duplicate.Occupation;
        IncomeBand ??= duplicate.IncomeBand;
        Hobbies ??= duplicate.Hobbies;
        Personality ??= duplicate.Personality;
        Family ??= duplicate.Family;
        PreferredProducts ??= duplicate.PreferredProducts;
        PreferredColours ??= duplicate.PreferredColours;
        PreferredSpecs ??= duplicate.PreferredSpecs;
        PreferredChannels ??= duplicate.PreferredChannels;
        Stage = (CustomerStage)Math.Max((int)Stage, (int)duplicate.Stage);
        Importance = Importance == Importance.Key || duplicate.Importance == Importance.Key ? Importance.Key : Importance.General;
        RelationshipLevel = Math.Max(RelationshipLevel, duplicate.RelationshipLevel);
        if (ValueTierOverride is null && duplicate.ValueTierOverride is not null)
        {
            (ValueTierOverride, ValueTierReason) = (duplicate.ValueTierOverride, duplicate.ValueTierReason);
        }

        UpdatedAt = now;
    }

    /// <summary>Sets the value tier by hand, or (null) gives it back to the purchases; either way with a reason.</summary>
    public void OverrideValueTier(ValueTier? tier, string reason, DateTimeOffset now)
    {
        ValueTierOverride = tier;
        ValueTierReason = reason.Trim();
        UpdatedAt = now;
    }

    /// <summary>A purchase was recorded: the customer has bought (成交) at least, and perhaps is loyal now.</summary>
    public void Purchased(LoyaltyRule loyalty, DateTimeOffset now)
    {
        if (Stage < CustomerStage.Customer)
        {
            Stage = CustomerStage.Customer;
            UpdatedAt = now;
        }

        ApplyLoyalty(loyalty, now);
    }

    /// <summary>
    /// The loyal rule: a customer who has bought (成交) becomes 老客户 when the relationship is close enough. Applied
    /// whenever the stage or the level may have changed; it never lowers a stage.
    /// </summary>
    public void ApplyLoyalty(LoyaltyRule loyalty, DateTimeOffset now)
    {
        if (Stage == CustomerStage.Customer && loyalty.RelationshipLevel is { } level && RelationshipLevel >= level)
        {
            Stage = CustomerStage.Loyal;
            UpdatedAt = now;
        }
    }

    public void MergeInto(Guid survivorId, DateTimeOffset now)
    {
        MergedIntoId = survivorId;
        UpdatedAt = now;
    }

    public void Archive(DateTimeOffset now)
    {
        ArchivedAt = now;
        UpdatedAt = now;
    }

    private static string[] Distinct(IEnumerable<string> values) =>
        [.. values.Select(OptionalText.Normalize).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];
}
