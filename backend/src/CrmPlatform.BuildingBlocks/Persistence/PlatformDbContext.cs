using CrmPlatform.BuildingBlocks.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>Cross-cutting tables that belong to no module (schema "platform").</summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public const string Schema = "platform";

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<IdempotencyRecord>(b =>
        {
            b.ToTable("idempotency_records");
            b.HasKey(r => new { r.Caller, r.Key });
            b.Property(r => r.Caller).HasMaxLength(100);
            b.Property(r => r.Key).HasMaxLength(IdempotencyMiddleware.MaxKeyLength);
            b.Property(r => r.RequestHash).HasMaxLength(64);
            b.HasIndex(r => r.CreatedAt);
        });
    }
}

internal sealed class PlatformDesignTimeFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) => new(DatabaseRegistration.DesignTimeOptions<PlatformDbContext>(PlatformDbContext.Schema));
}
