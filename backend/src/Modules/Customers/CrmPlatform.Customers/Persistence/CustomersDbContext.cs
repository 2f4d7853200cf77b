using System.Text.Json;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmPlatform.Customers.Persistence;

internal sealed class CustomersDbContext(DbContextOptions<CustomersDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "customers";

    public override string Schema => SchemaName;

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<KeyDate> KeyDates => Set<KeyDate>();

    public DbSet<CustomerActivity> Activity => Set<CustomerActivity>();

    public DbSet<CustomerSettings> Settings => Set<CustomerSettings>();

    public DbSet<OwnershipChange> OwnershipChanges => Set<OwnershipChange>();

    public DbSet<SavedFilter> SavedFilters => Set<SavedFilter>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<ImportRowResult> ImportRows => Set<ImportRowResult>();

    public DbSet<ImportFingerprint> ImportFingerprints => Set<ImportFingerprint>();

    public DbSet<CustomerPurchase> Purchases => Set<CustomerPurchase>();
}

internal sealed class CustomerPurchaseConfiguration : IEntityTypeConfiguration<CustomerPurchase>
{
    public void Configure(EntityTypeBuilder<CustomerPurchase> b)
    {
        b.ToTable("customer_purchases");
        b.HasKey(p => p.Id);
        b.Property(p => p.Amount).HasPrecision(14, 2);
        b.Property(p => p.Title).HasMaxLength(PurchaseLimits.Title);
        b.Property(p => p.Currency).HasMaxLength(PurchaseLimits.Currency);
        // Written once and read whole with the purchase: a jsonb array, not a table of its own.
        b.Property(p => p.Lines).HasColumnType("jsonb").HasConversion(PurchaseLinesJson.Converter, PurchaseLinesJson.Comparer);
        b.Property(p => p.Source).HasMaxLength(InteractionLimits.Source);
        // A customer's purchases in the rating window.
        b.HasIndex(p => new { p.CustomerId, p.PurchasedAt });
        // Every customer's purchases in the window, for the nightly rating.
        b.HasIndex(p => p.PurchasedAt);
    }
}

internal sealed class CustomerValueConfiguration : IEntityTypeConfiguration<CustomerValue>
{
    public void Configure(EntityTypeBuilder<CustomerValue> b)
    {
        b.ToTable("customer_value");
        b.HasKey(v => v.CustomerId);
        b.Property(v => v.Tier).HasConversion<string>().HasMaxLength(1);
        b.Property(v => v.PurchaseTotal).HasPrecision(16, 2);
        b.HasIndex(v => v.Tier);
    }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.ToTable("import_jobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.UserRole).HasMaxLength(30);
        b.Property(j => j.Language).HasMaxLength(10);
        b.Property(j => j.FileName).HasMaxLength(ImportLimits.FileName);
        b.Property(j => j.Format).HasConversion<string>().HasMaxLength(10);
        b.Property(j => j.Mode).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.Error).HasMaxLength(ImportLimits.Message);
        // A user's imports, newest first.
        b.HasIndex(j => new { j.UserId, j.Id });
        // The work waiting for a worker.
        b.HasIndex(j => j.Id, "Unfinished").HasFilter("status IN ('Queued', 'Running')").HasDatabaseName("ix_import_jobs_unfinished");
    }
}

internal sealed class ImportRowResultConfiguration : IEntityTypeConfiguration<ImportRowResult>
{
    public void Configure(EntityTypeBuilder<ImportRowResult> b)
    {
        b.ToTable("import_rows");
        b.HasKey(r => new { r.JobId, r.Row });
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Column).HasMaxLength(ImportLimits.FileName);
        b.Property(r => r.Message).HasMaxLength(ImportLimits.Message);
        b.HasOne<ImportJob>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportFingerprintConfiguration : IEntityTypeConfiguration<ImportFingerprint>
{
    public void Configure(EntityTypeBuilder<ImportFingerprint> b)
    {
        b.ToTable("import_fingerprints");
        b.HasKey(f => f.Fingerprint);
        b.Property(f => f.Fingerprint).HasMaxLength(64);
    }
}

internal sealed class SavedFilterConfiguration : IEntityTypeConfiguration<SavedFilter>
{
    public void Configure(EntityTypeBuilder<SavedFilter> b)
    {
        b.ToTable("saved_filters");
        b.HasKey(f => f.Id);
        b.Property(f => f.Name).HasMaxLength(SavedFilterLimits.Name);
        b.Property(f => f.Query).HasMaxLength(SavedFilterLimits.Query);
        b.HasIndex(f => new { f.UserId, f.Name }).IsUnique();
    }
}

internal sealed class OwnershipChangeConfiguration : IEntityTypeConfiguration<OwnershipChange>
{
    public void Configure(EntityTypeBuilder<OwnershipChange> b)
    {
        b.ToTable("ownership_changes");
        b.HasKey(c => c.Id);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Reason).HasMaxLength(OwnershipLimits.Reason);
        b.HasIndex(c => new { c.CustomerId, c.Id });
    }
}

internal sealed class CustomerSettingsConfiguration : IEntityTypeConfiguration<CustomerSettings>
{
    public void Configure(EntityTypeBuilder<CustomerSettings> b)
    {
        b.ToTable("settings");
        b.HasKey(s => s.Id);
        b.Property(s => s.ValueATotal).HasPrecision(14, 2);
        b.Property(s => s.ValueBTotal).HasPrecision(14, 2);
        b.Property(s => s.Version).IsRowVersion();
    }
}

internal sealed class CustomerActivityConfiguration : IEntityTypeConfiguration<CustomerActivity>
{
    public void Configure(EntityTypeBuilder<CustomerActivity> b)
    {
        b.ToTable("customer_activity");
        b.HasKey(a => a.CustomerId);
    }
}

internal sealed class KeyDateConfiguration : IEntityTypeConfiguration<KeyDate>
{
    public void Configure(EntityTypeBuilder<KeyDate> b)
    {
        b.ToTable("key_dates");
        b.HasKey(k => k.Id);
        b.Property(k => k.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(k => k.Label).HasMaxLength(KeyDateLimits.Label);
        b.HasIndex(k => new { k.CustomerId, k.Id });
        // "Which key dates fall in the next N days": N month-days, looked up by index.
        b.HasIndex(k => k.MonthDay);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("contacts");
        b.HasKey(c => c.Id);
        b.Property(c => c.Name).HasMaxLength(ContactLimits.Name);
        b.Property(c => c.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Phone).HasMaxLength(ContactLimits.Phone);
        b.Property(c => c.Likes).HasMaxLength(ContactLimits.Text);
        b.Property(c => c.Notes).HasMaxLength(ContactLimits.Text);
        b.Property(c => c.Version).IsRowVersion();
        b.HasIndex(c => new { c.CustomerId, c.Id });
        b.Property<int?>(KeyDates.BirthdayMonthDayColumn).HasComputedColumnSql(KeyDates.BirthdayMonthDaySql, stored: true);
        b.HasIndex(KeyDates.BirthdayMonthDayColumn).HasFilter("birthday_month_day IS NOT NULL");
    }
}

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> b)
    {
        b.ToTable("interactions");
        b.HasKey(i => i.Id);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Summary).HasMaxLength(InteractionLimits.Summary);
        b.Property(i => i.NextStep).HasMaxLength(InteractionLimits.NextStep);
        b.Property(i => i.Source).HasMaxLength(InteractionLimits.Source);
        // A customer's timeline, newest first.
        b.HasIndex(i => new { i.CustomerId, i.Id });
        b.HasIndex(i => i.SourceEventId).IsUnique().HasFilter("source_event_id IS NOT NULL");
        // The activity funnel: what each person recorded in a period, counted from the index alone.
        b.HasIndex(i => new { i.RecordedBy, i.OccurredAt }).HasFilter("recorded_by IS NOT NULL").IncludeProperties(i => new { i.Kind, i.Outcome, i.DurationMinutes });
    }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.ToTable("customers");
        b.HasKey(c => c.Id);
        b.Property(c => c.Name).HasMaxLength(CustomerLimits.Name);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Phone).HasMaxLength(CustomerLimits.Phone);
        b.Property(c => c.Email).HasMaxLength(CustomerLimits.Email);
        b.Property(c => c.Company).HasMaxLength(CustomerLimits.Text);
        b.Property(c => c.Position).HasMaxLength(CustomerLimits.ShortText);
        b.Property(c => c.Region).HasMaxLength(CustomerLimits.ShortText);
        b.Property(c => c.Industry).HasMaxLength(CustomerLimits.ShortText);
        b.Property(c => c.Address).HasMaxLength(CustomerLimits.Text);
        b.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Gender).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.IncomeBand).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Occupation).HasMaxLength(CustomerLimits.ShortText);
        b.Property(c => c.Hobbies).HasMaxLength(CustomerLimits.LongText);
        b.Property(c => c.Personality).HasMaxLength(CustomerLimits.LongText);
        b.Property(c => c.Family).HasMaxLength(CustomerLimits.LongText);
        b.Property(c => c.PreferredProducts).HasMaxLength(CustomerLimits.Text);
        b.Property(c => c.PreferredColours).HasMaxLength(CustomerLimits.Text);
        b.Property(c => c.PreferredSpecs).HasMaxLength(CustomerLimits.Text);
        b.Property(c => c.PreferredChannels).HasMaxLength(CustomerLimits.Text);
        b.Property(c => c.Importance).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.PriorityTier).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.ValueTierOverride).HasConversion<string>().HasMaxLength(1);
        b.Property(c => c.ValueTierReason).HasMaxLength(ValueTierLimits.Reason);
        b.Property(c => c.Version).IsRowVersion();
        b.HasOne(c => c.Activity).WithOne().HasForeignKey<CustomerActivity>(a => a.CustomerId);
        b.HasOne(c => c.Rating).WithOne().HasForeignKey<CustomerValue>(v => v.CustomerId);
        // Archived and merged customers are gone and pooled ones are nobody's: the pool's own queries ignore this filter.
        b.HasQueryFilter(c => c.ArchivedAt == null && c.MergedIntoId == null && c.PooledAt == null);
        b.HasIndex(c => new { c.OwnerId, c.Id });
        // The records merged into a customer: its history includes theirs.
        b.HasIndex(c => c.MergedIntoId).HasFilter("merged_into_id IS NOT NULL");
        // A team's pool, newest first.
        b.HasIndex(c => new { c.TeamId, c.Id }, "Pool").HasFilter("pooled_at IS NOT NULL AND archived_at IS NULL").HasDatabaseName("ix_customers_pool");
        b.HasIndex(c => new { c.TeamId, c.Id });
        b.HasIndex(c => new { c.Name, c.Id });
        b.HasIndex(c => c.Phone);
        b.Property<int?>(KeyDates.BirthdayMonthDayColumn).HasComputedColumnSql(KeyDates.BirthdayMonthDaySql, stored: true);
        b.HasIndex(KeyDates.BirthdayMonthDayColumn).HasFilter("birthday_month_day IS NOT NULL");
        b.Property<string[]>(DuplicateKeys.PhoneKeysColumn).HasComputedColumnSql(DuplicateKeys.PhoneKeysSql, stored: true);
        // Looked up on every create and import batch, right after writes: without the pending list (fastupdate) a
        // lookup never scans megabytes of recent entries, and a row's one or two keys are cheap to insert in place.
        b.HasIndex(DuplicateKeys.PhoneKeysColumn).HasMethod("gin").HasStorageParameter("fastupdate", false);
        b.Property<string>(DuplicateKeys.IdentityKeyColumn).HasComputedColumnSql(DuplicateKeys.IdentityKeySql, stored: true);
        b.HasIndex(DuplicateKeys.IdentityKeyColumn).HasFilter("identity_key IS NOT NULL");
        b.Property<string[]>(CustomerSearch.TagKeysColumn).HasComputedColumnSql(CustomerSearch.TagKeysSql, stored: true);
        b.HasIndex(CustomerSearch.TagKeysColumn).HasMethod("gin");

        // Search columns, computed by PostgreSQL so every writer (the API, bulk SQL) keeps them right; the contacts'
        // part is kept by ContactSearch.
        b.Property<string?>(CustomerSearch.ContactsColumn);
        b.Property<string>(CustomerSearch.TextColumn).HasComputedColumnSql(CustomerSearch.TextSql, stored: true);
        b.Property<string[]>(CustomerSearch.GramsColumn).HasComputedColumnSql(CustomerSearch.GramsSql, stored: true);
        b.HasIndex(CustomerSearch.TextColumn).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasIndex(CustomerSearch.GramsColumn).HasMethod("gin");
        // A manager's or a rep's search reads only their scope's matches (btree_gin puts the scope key in the GIN index).
        b.HasIndex(nameof(Customer.TeamId), CustomerSearch.GramsColumn).HasMethod("gin");
        b.HasIndex(nameof(Customer.OwnerId), CustomerSearch.GramsColumn).HasMethod("gin");
    }
}

internal sealed class CustomersDesignTimeFactory : IDesignTimeDbContextFactory<CustomersDbContext>
{
    public CustomersDbContext CreateDbContext(string[] args) => new(DatabaseRegistration.DesignTimeOptions<CustomersDbContext>(CustomersDbContext.SchemaName));
}

/// <summary>A purchase's lines as a jsonb array.</summary>
internal static class PurchaseLinesJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<IReadOnlyList<PurchaseLine>, string> Converter = new(
        lines => JsonSerializer.Serialize(lines, Options),
        json => JsonSerializer.Deserialize<List<PurchaseLine>>(json, Options) ?? new List<PurchaseLine>());

    public static readonly ValueComparer<IReadOnlyList<PurchaseLine>> Comparer = new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        lines => lines.Aggregate(0, (hash, line) => HashCode.Combine(hash, line.GetHashCode())),
        lines => lines.ToList());
}
