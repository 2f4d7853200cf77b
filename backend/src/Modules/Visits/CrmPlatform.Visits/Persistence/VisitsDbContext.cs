using CrmPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmPlatform.Visits.Persistence;

/// <summary>The visits schema. Holds only the module's outbox and inbox until its features land.</summary>
internal sealed class VisitsDbContext(DbContextOptions<VisitsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "visits";

    public override string Schema => SchemaName;
}

internal sealed class VisitsDesignTimeFactory : IDesignTimeDbContextFactory<VisitsDbContext>
{
    public VisitsDbContext CreateDbContext(string[] args) => new(DatabaseRegistration.DesignTimeOptions<VisitsDbContext>(VisitsDbContext.SchemaName));
}
