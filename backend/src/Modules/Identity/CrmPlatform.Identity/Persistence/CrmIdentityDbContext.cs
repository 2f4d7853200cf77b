using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CrmPlatform.Identity.Persistence;

internal sealed class CrmIdentityDbContext(DbContextOptions<CrmIdentityDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public const string Schema = "identity";

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<UserSession> Sessions => Set<UserSession>();

    public DbSet<LoginAttempts> LoginAttempts => Set<LoginAttempts>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        builder.Entity<AppUser>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.HasOne(u => u.Team).WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<Region>(b =>
        {
            b.ToTable("regions");
            b.Property(r => r.Name).HasMaxLength(100);
            b.HasIndex(r => r.Name).IsUnique();
        });
        builder.Entity<Team>(b =>
        {
            b.ToTable("teams");
            b.Property(t => t.Name).HasMaxLength(100);
            b.HasIndex(t => t.Name).IsUnique();
            b.HasOne(t => t.Region).WithMany().HasForeignKey(t => t.RegionId);
        });
        builder.Entity<ApiToken>(b =>
        {
            b.ToTable("api_tokens");
            b.Property(t => t.Name).HasMaxLength(100);
            b.Property(t => t.TokenHash).HasMaxLength(64);
            b.Property(t => t.Hint).HasMaxLength(20);
            b.Property(t => t.Scope).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(t => t.TokenHash).IsUnique();
            b.HasIndex(t => t.UserId);
            b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<UserSession>(b =>
        {
            b.ToTable("sessions");
            b.HasIndex(s => s.UserId).HasFilter("ended_at IS NULL");
            b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<LoginAttempts>(b =>
        {
            b.ToTable("login_attempts");
            b.HasKey(a => a.Key);
            b.Property(a => a.Key).HasMaxLength(400);
        });
    }
}

internal sealed class IdentityDesignTimeFactory : IDesignTimeDbContextFactory<CrmIdentityDbContext>
{
    public CrmIdentityDbContext CreateDbContext(string[] args) => new(DatabaseRegistration.DesignTimeOptions<CrmIdentityDbContext>(CrmIdentityDbContext.Schema));
}
