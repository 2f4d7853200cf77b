using CrmPlatform.BuildingBlocks.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>Demo data of one module; runs only when seeding is switched on, and must be idempotent.</summary>
public interface IDemoDataSeeder
{
    /// <summary>Lower runs first (users before the customers they own).</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>Demo data: on in the run command's first start and in tests, never in production.</summary>
public sealed class DemoDataOptions
{
    public bool Seed { get; set; }

    public string Password { get; set; } = "demo-Pass-2026";
}

public static class DatabaseInitializer
{
    /// <summary>Applies every module's migrations, then seeds demo data when CRM_SEED_DEMO is true.</summary>
    public static async Task InitializeDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        foreach (var module in provider.GetRequiredService<ModuleCatalog>().Databases)
        {
            var db = (DbContext)provider.GetRequiredService(module.DbContextType);
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Schema {Schema} is up to date", module.Schema);
        }

        if (!provider.GetRequiredService<IOptions<DemoDataOptions>>().Value.Seed)
        {
            return;
        }

        foreach (var seeder in provider.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(cancellationToken);
        }

        logger.LogInformation("Demo data is in place");
    }
}
