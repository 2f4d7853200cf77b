using CrmPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CrmPlatform.Platform.Tests.BuildingBlocks;

/// <summary>The settings every connection of the app gets for its short queries, unless the connection string says otherwise.</summary>
public sealed class DataSourceTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task The_apps_connections_run_without_jit_compilation_and_plan_for_data_in_memory()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var settings = await db.Database.SqlQuery<string>(
            $"SELECT current_setting('jit') || ' ' || current_setting('random_page_cost') AS \"Value\"").SingleAsync();

        settings.Should().Be("off 1.1");
    }

    [Theory]
    [InlineData("Host=db", "-c jit=off -c random_page_cost=1.1", 64)]
    [InlineData("Host=db;Options=-c statement_timeout=5s", "-c statement_timeout=5s -c jit=off -c random_page_cost=1.1", 64)]
    [InlineData("Host=db;Options=-c jit=on -c random_page_cost=2;Max Auto Prepare=8", "-c jit=on -c random_page_cost=2", 8)]
    [InlineData("Host=db;Options=-c jit_above_cost=500000", "-c jit_above_cost=500000 -c jit=off -c random_page_cost=1.1", 64)]
    public void A_connection_string_keeps_its_own_settings_and_gets_the_defaults_it_lacks(string connectionString, string options, int autoPrepare)
    {
        using var dataSource = DatabaseRegistration.CreateDataSource(connectionString);

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        (settings.Options, settings.MaxAutoPrepare).Should().Be((options, autoPrepare));
    }
}
