using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.Complaints;
using CrmPlatform.Customers;
using CrmPlatform.Deals;
using CrmPlatform.Referrals;
using CrmPlatform.Retention;
using CrmPlatform.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Platform.Tests.Modules;

/// <summary>Every registered module owns its schema, with its own migrations history, outbox, inbox and audit log, and its migrations are its model.</summary>
public sealed class ModuleSchemaTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Theory]
    [InlineData(typeof(CustomersModule))]
    [InlineData(typeof(DealsModule))]
    [InlineData(typeof(VisitsModule))]
    [InlineData(typeof(ComplaintsModule))]
    [InlineData(typeof(RetentionModule))]
    [InlineData(typeof(ReferralsModule))]
    public async Task Its_schema_is_migrated(Type module)
    {
        // The schema the module registered, not a name written again here.
        var schema = app.Factory.Services.GetRequiredService<ModuleCatalog>().Databases.Single(d => d.Assembly == module.Assembly).Schema;

        var tables = await Sql.ScalarAsync<string[]>(
            app.ConnectionString,
            "SELECT coalesce(array_agg(table_name::text ORDER BY table_name), '{}') FROM information_schema.tables WHERE table_schema = @schema",
            ("schema", schema));

        tables.Should().Contain(["__ef_migrations_history", "outbox_messages", "inbox_messages", "audit_entries"], $"schema '{schema}' is {module.Name}'s own");
    }

    [Theory]
    [InlineData(typeof(CustomersModule))]
    [InlineData(typeof(DealsModule))]
    [InlineData(typeof(VisitsModule))]
    [InlineData(typeof(ComplaintsModule))]
    [InlineData(typeof(RetentionModule))]
    [InlineData(typeof(ReferralsModule))]
    public async Task Its_model_has_no_change_without_a_migration(Type module)
    {
        var context = app.Factory.Services.GetRequiredService<ModuleCatalog>().Databases.Single(d => d.Assembly == module.Assembly).DbContextType;
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(context);

        db.Database.HasPendingModelChanges().Should().BeFalse($"every change of {module.Name}'s model ships with a migration (./crm migrations add)");
    }
}
