using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Deals.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Deals.Persistence;

/// <summary>The deals schema: so far the module's outbox and inbox, and its copy of the customers deals are about.</summary>
internal sealed class DealsDbContext(DbContextOptions<DealsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "deals";

    public override string Schema => SchemaName;

    public DbSet<CustomerCopy> CustomerCopies => Set<CustomerCopy>();
}

internal sealed class CustomerCopyConfiguration : IEntityTypeConfiguration<CustomerCopy>
{
    public void Configure(EntityTypeBuilder<CustomerCopy> b)
    {
        b.ToTable("customer_copies");
        b.HasKey(c => c.CustomerId);
        b.Property(c => c.Name).HasMaxLength(100);
        b.HasIndex(c => new { c.OwnerId, c.CustomerId });
        b.HasIndex(c => new { c.TeamId, c.CustomerId });
    }
}

internal sealed class DealsDesignTimeFactory : IDesignTimeDbContextFactory<DealsDbContext>
{
    public DealsDbContext CreateDbContext(string[] args) => new(DatabaseRegistration.DesignTimeOptions<DealsDbContext>(DealsDbContext.SchemaName));
}
