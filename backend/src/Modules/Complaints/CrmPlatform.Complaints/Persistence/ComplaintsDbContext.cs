using CrmPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmPlatform.Complaints.Persistence;

/// <summary>The complaints schema. Holds only the module's outbox and inbox until its features land.</summary>
internal sealed class ComplaintsDbContext(DbContextOptions<ComplaintsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "complaints";

    public override string Schema => SchemaName;
}

internal sealed class ComplaintsDesignTimeFactory : IDesignTimeDbContextFactory<ComplaintsDbContext>
{
    public ComplaintsDbContext CreateDbContext(string[] args) => new(DatabaseRegistration.DesignTimeOptions<ComplaintsDbContext>(ComplaintsDbContext.SchemaName));
}
