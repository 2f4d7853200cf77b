using CrmPlatform.BuildingBlocks.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmPlatform.BuildingBlocks.Persistence;

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
