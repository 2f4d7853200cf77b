using System.Net;
using Npgsql;

namespace CrmPlatform.Platform.Tests.BuildingBlocks;

public sealed class HealthTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task Live_and_ready_answer_200_on_a_migrated_database()
    {
        using var client = app.Anonymous();

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Ready_is_503_while_migrations_are_pending()
    {
        var server = await PostgresServer.Shared;
        var database = $"crm_unmigrated_{Guid.NewGuid():N}"[..28];
        await server.ExecuteAsync($"CREATE DATABASE \"{database}\"");
        await using var unmigrated = new CrmApiFactory(server.ConnectionString(database), new Dictionary<string, string?> { ["Crm:MigrateOnStart"] = "false" });
        using var client = unmigrated.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Ready_is_503_when_the_database_is_unreachable()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        await using var factory = new CrmApiFactory(unreachable, new Dictionary<string, string?> { ["Crm:MigrateOnStart"] = "false" });
        using var client = factory.CreateClient();

        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }
}
