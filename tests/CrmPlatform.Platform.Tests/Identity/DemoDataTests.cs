using CrmPlatform.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Platform.Tests.Identity;

public sealed class DemoDataTests
{
    [Fact]
    public async Task Demo_data_is_never_forced_into_a_database_that_already_has_real_users()
    {
        var server = await PostgresServer.Shared;
        var database = $"crm_real_{Guid.NewGuid():N}"[..24];
        await server.ExecuteAsync($"CREATE DATABASE \"{database}\"");
        var connectionString = server.ConnectionString(database);
        await using (var production = new CrmApiFactory(connectionString, new Dictionary<string, string?> { ["CRM_SEED_DEMO"] = "false" }))
        {
            await using var scope = production.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            (await users.CreateAsync(new AppUser { Id = Guid.CreateVersion7(), UserName = "real.user", DisplayName = "真实用户" }, "real-Pass-2026")).Succeeded.Should().BeTrue();
        }

        await using (var restartedWithDemoOn = new CrmApiFactory(connectionString, new Dictionary<string, string?> { ["CRM_SEED_DEMO"] = "true" }))
        {
            restartedWithDemoOn.StartServer();
        }

        (await CountAsync(connectionString, "identity.users")).Should().Be(1, "the demo users are only for a first start");
        (await CountAsync(connectionString, "customers.customers")).Should().Be(0, "demo customers would have no owner");
        (await CountAsync(connectionString, "visits.visit_plans")).Should().Be(0, "a real organisation's people are never given a demo history");
    }

    private static Task<long> CountAsync(string connectionString, string table) =>
        Sql.ScalarAsync<long>(connectionString, $"SELECT count(*) FROM {table}");
}
