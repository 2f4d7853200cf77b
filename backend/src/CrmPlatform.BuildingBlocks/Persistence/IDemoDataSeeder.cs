namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>Demo data of one module; runs only when seeding is switched on, and must be idempotent.</summary>
public interface IDemoDataSeeder
{
    /// <summary>Lower runs first (users before the customers they own).</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
