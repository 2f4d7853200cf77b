using CrmPlatform.BuildingBlocks.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrmPlatform.BuildingBlocks.Health;

/// <summary>Ready means: the database answers and every module's migrations are applied.</summary>
internal sealed class MigrationsHealthCheck(IServiceScopeFactory scopes, ModuleCatalog modules) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var pending = new List<string>();
        foreach (var module in modules.Databases)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database is not reachable.");
            }

            pending.AddRange((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Select(m => $"{module.Schema}:{m}"));
        }

        return pending.Count == 0
            ? HealthCheckResult.Healthy($"{modules.Databases.Count} module schemas migrated.")
            : HealthCheckResult.Unhealthy("Pending migrations: " + string.Join(", ", pending));
    }
}
