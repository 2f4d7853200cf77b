using System.Text.Json;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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

    public DbSet<Notification> Notifications => Set<Notification>();

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
        builder.Entity<Notification>(b =>
        {
            b.ToTable("notifications");
            b.HasKey(n => n.Id);
            b.Property(n => n.Topic).HasMaxLength(NotificationLimits.Topic);
            b.Property(n => n.Data).HasColumnType("jsonb").HasConversion(NotificationData.Converter, NotificationData.Comparer);
            b.Property(n => n.Link).HasMaxLength(NotificationLimits.Link);
            b.Property(n => n.DedupeKey).HasMaxLength(NotificationLimits.DedupeKey);
            // A user's bell, newest first; and the unread count, from the unread rows only.
            b.HasIndex(n => new { n.UserId, n.Id });
            b.HasIndex(n => n.UserId).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_unread");
            b.HasIndex(n => new { n.UserId, n.DedupeKey }).IsUnique();
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

/// <summary>A notification's data as a jsonb object of strings.</summary>
internal static class NotificationData
{
    public static readonly ValueConverter<Dictionary<string, string>, string> Converter = new(
        data => JsonSerializer.Serialize(data, (JsonSerializerOptions?)null),
        json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>());

    public static readonly ValueComparer<Dictionary<string, string>> Comparer = new(
        (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
        data => data.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
        data => new Dictionary<string, string>(data));
}
