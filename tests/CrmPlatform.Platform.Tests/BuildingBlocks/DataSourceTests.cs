using CrmPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CrmPlatform.Platform.Tests.BuildingBlocks;

/// <summary>The settings every connection of the app gets for its short queries, unless the connection string says otherwise.</summary>
public sealed class DataSourceTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task The_apps_connections_run_without_jit_compilation()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var jit = await db.Database.SqlQuery<string>($"SELECT current_setting('jit') AS \"Value\"").SingleAsync();

        jit.Should().Be("off");
    }

    [Theory]
    [InlineData("Host=db", "-c jit=off", 64)]
    [InlineData("Host=db;Options=-c statement_timeout=5s", "-c statement_timeout=5s -c jit=off", 64)]
    [InlineData("Host=db;Options=-c jit=on;Max Auto Prepare=8", "-c jit=on", 8)]
    public void A_connection_string_keeps_its_own_settings_and_gets_the_defaults_it_lacks(string connectionString, string options, int autoPrepare)
    {
        using var dataSource = DatabaseRegistration.CreateDataSource(connectionString);

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        (settings.Options, settings.MaxAutoPrepare).Should().Be((options, autoPrepare));
    }
}
