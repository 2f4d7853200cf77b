using CrmPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmPlatform.Referrals.Persistence;

/// <summary>The referrals schema. Holds only the module's outbox and inbox until its features land.</summary>
internal sealed class ReferralsDbContext(DbContextOptions<ReferralsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "referrals";

    public override string Schema => SchemaName;
}

internal sealed class ReferralsDesignTimeFactory : IDesignTimeDbContextFactory<ReferralsDbContext>
{
    public ReferralsDbContext CreateDbContext(string[] args) => new(DatabaseRegistration.DesignTimeOptions<ReferralsDbContext>(ReferralsDbContext.SchemaName));
}
