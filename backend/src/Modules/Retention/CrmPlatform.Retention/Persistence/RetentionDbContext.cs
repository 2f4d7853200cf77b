using CrmPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmPlatform.Retention.Persistence;

/// <summary>The retention schema. Holds only the module's outbox and inbox until its features land.</summary>
internal sealed class RetentionDbContext(DbContextOptions<RetentionDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "retention";

    public override string Schema => SchemaName;
}

internal sealed class RetentionDesignTimeFactory : IDesignTimeDbContextFactory<RetentionDbContext>
{
    public RetentionDbContext CreateDbContext(string[] args) => new(DatabaseRegistration.DesignTimeOptions<RetentionDbContext>(RetentionDbContext.SchemaName));
}
