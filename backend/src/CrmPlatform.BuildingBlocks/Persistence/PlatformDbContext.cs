using CrmPlatform.BuildingBlocks.Idempotency;
using CrmPlatform.BuildingBlocks.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>Cross-cutting tables that belong to no module (schema "platform").</summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public const string Schema = "platform";

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

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
        modelBuilder.Entity<JobRun>(b =>
        {
            b.ToTable("job_runs");
            b.HasKey(r => new { r.Job, r.Day });
            b.Property(r => r.Job).HasMaxLength(100);
        });
    }
}

internal sealed class PlatformDesignTimeFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) => new(DatabaseRegistration.DesignTimeOptions<PlatformDbContext>(PlatformDbContext.Schema));
}
