using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Text;

namespace CrmPlatform.Deals.Domain;

internal static class ProductLimits
{
    public const int Name = 100;
    public const int Spec = 100;
    public const int Unit = 20;
    public const int Category = 50;
}

/// <summary>What a product is: name, specification (规格), unit, category.</summary>
internal sealed record ProductDetails(string Name, string? Spec, string? Unit, string? Category, decimal ListPrice, decimal? Cost);

/// <summary>
/// One product of the catalogue. A deal's line copies what it needs when it is written, so a price changed later
/// does not change what was sold; an archived product stays on the deals that sold it and leaves the pickers.
/// </summary>
internal sealed class Product : IAudited
{
    private Product()
    {
    }

    public Guid Id { get; private init; }

    public string Name { get; private set; } = string.Empty;

    public string? Spec { get; private set; }

    public string? Unit { get; private set; }

    public string? Category { get; private set; }

    public decimal ListPrice { get; private set; }

    /// <summary>What one unit costs us; null while unknown (a line's margin is then unknown too).</summary>
    public decimal? Cost { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }

    [NotAudited]
    public DateTimeOffset CreatedAt { get; private init; }

    [NotAudited]
    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static Product Create(ProductDetails details, DateTimeOffset now)
    {
        var product = new Product { Id = Guid.CreateVersion7(now), CreatedAt = now };
        product.Describe(details, now);
        return product;
    }

    public void Describe(ProductDetails details, DateTimeOffset now)
    {
        (Name, Spec, Unit, Category, ListPrice, Cost) =
            (details.Name.Trim(), OptionalText.Normalize(details.Spec), OptionalText.Normalize(details.Unit), OptionalText.Normalize(details.Category), details.ListPrice, details.Cost);
        UpdatedAt = now;
    }

    public void Archive(DateTimeOffset now) => (ArchivedAt, UpdatedAt) = (now, now);
}
