using CrmPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmPlatform.Deals.Persistence;

/// <summary>The deals schema. Holds only the module's outbox and inbox until its features land.</summary>
internal sealed class DealsDbContext(DbContextOptions<DealsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "deals";

    public override string Schema => SchemaName;
}

internal sealed class DealsDesignTimeFactory : IDesignTimeDbContextFactory<DealsDbContext>
{
    public DealsDbContext CreateDbContext(string[] args) => new(DatabaseRegistration.DesignTimeOptions<DealsDbContext>(DealsDbContext.SchemaName));
}
