using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Customers.Contracts.Following;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Complaints.Persistence;

/// <summary>The complaints schema: complaints with their steps, the root causes, the standard answers with their editions, and the module's copy of customers (their scope).</summary>
internal sealed class ComplaintsDbContext(DbContextOptions<ComplaintsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "complaints";

    public override string Schema => SchemaName;

    public DbSet<CustomerCopy> CustomerCopies => Set<CustomerCopy>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<ComplaintStep> Steps => Set<ComplaintStep>();

    public DbSet<ComplaintCause> Causes => Set<ComplaintCause>();

    public DbSet<StandardAnswer> Answers => Set<StandardAnswer>();

    public DbSet<StandardAnswerEdition> AnswerEditions => Set<StandardAnswerEdition>();
}

internal sealed class ComplaintCauseConfiguration : IEntityTypeConfiguration<ComplaintCause>
{
    public void Configure(EntityTypeBuilder<ComplaintCause> b)
    {
        b.ToTable("complaint_causes");
        b.HasKey(c => c.Key);
        b.Property(c => c.Key).HasMaxLength(ComplaintLimits.CauseKey);
        b.Property(c => c.Name).HasMaxLength(ComplaintLimits.CauseName);
        b.Property(c => c.EnglishName).HasMaxLength(ComplaintLimits.CauseName);
        b.HasData(
            ComplaintCause.Create("productQuality", "产品质量", "Product quality", 0),
            ComplaintCause.Create("delivery", "交货物流", "Delivery", 1),
            ComplaintCause.Create("serviceAttitude", "服务态度", "Service attitude", 2),
            ComplaintCause.Create("priceBilling", "价格与账单", "Price and billing", 3),
            ComplaintCause.Create("documentation", "资料说明", "Documentation", 4),
            ComplaintCause.Create("other", "其他", "Other", 5));
    }
}

internal sealed class CustomerCopyConfiguration : IEntityTypeConfiguration<CustomerCopy>
{
    public void Configure(EntityTypeBuilder<CustomerCopy> b) => CustomerCopy.Configure(b);
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("complaints");
        b.HasKey(c => c.Id);
        b.Property(c => c.CustomerName).HasMaxLength(100);
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Severity).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.AcknowledgedVia).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.ResolutionKind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Title).HasMaxLength(ComplaintLimits.Title);
        b.Property(c => c.Description).HasMaxLength(ComplaintLimits.Description);
        b.Property(c => c.Product).HasMaxLength(ComplaintLimits.Product);
        b.Property(c => c.ContactName).HasMaxLength(ComplaintLimits.Contact);
        b.Property(c => c.DealTitle).HasMaxLength(200);
        b.Property(c => c.ResolutionDescription).HasMaxLength(ComplaintLimits.Note);
        b.Property(c => c.ResolutionCost).HasPrecision(11, 2);
        b.Property(c => c.CauseKey).HasMaxLength(ComplaintLimits.CauseKey);
        b.Property(c => c.CauseNote).HasMaxLength(ComplaintLimits.Note);
        b.Property(c => c.PreventionAction).HasMaxLength(ComplaintLimits.Note);
        // A complaint names a cause of the list; a cause in use is retired, never removed.
        b.HasOne<ComplaintCause>().WithMany().HasForeignKey(c => c.CauseKey).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Version).IsRowVersion();
        b.Ignore(c => c.Customer);
        // A complaint is about a customer the module knows (its copy is written first).
        b.HasOne<CustomerCopy>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The list: newest first, within a rep's customers or a team's, by status.
        b.HasIndex(c => new { c.CustomerOwnerId, c.Id });
        b.HasIndex(c => new { c.CustomerTeamId, c.Id });
        b.HasIndex(c => new { c.Status, c.PromisedAt });
        b.HasIndex(c => new { c.OwnerId, c.Status });
        b.HasIndex(c => c.CustomerId);
        // One complaint per market report.
        b.HasIndex(c => c.MarketReportId).IsUnique().HasFilter("market_report_id IS NOT NULL");
        // Pareto: a period's complaints by cause.
        b.HasIndex(c => new { c.ReceivedAt, c.CauseKey });
    }
}

internal sealed class ComplaintStepConfiguration : IEntityTypeConfiguration<ComplaintStep>
{
    public void Configure(EntityTypeBuilder<ComplaintStep> b)
    {
        b.ToTable("complaint_steps");
        b.HasKey(s => s.Id);
        // Made with its id, and reached through its complaint: an insert, never an update of a row that is not there.
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Note).HasMaxLength(ComplaintLimits.Note);
        b.Property(s => s.Channel).HasConversion<string>().HasMaxLength(20);
        // An answer's usage: the complaints whose steps link it.
        b.HasOne<StandardAnswer>().WithMany().HasForeignKey(s => s.AnswerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.AnswerId).HasFilter("answer_id IS NOT NULL");
    }
}

internal sealed class StandardAnswerConfiguration : IEntityTypeConfiguration<StandardAnswer>
{
    public void Configure(EntityTypeBuilder<StandardAnswer> b)
    {
        b.ToTable("standard_answers");
        b.HasKey(a => a.Id);
        b.Property(a => a.Question).HasMaxLength(StandardAnswerLimits.Question);
        b.Property(a => a.Answer).HasMaxLength(StandardAnswerLimits.Answer);
        b.Property(a => a.Product).HasMaxLength(ComplaintLimits.Product);
        b.Property(a => a.CauseKey).HasMaxLength(ComplaintLimits.CauseKey);
        b.HasOne<ComplaintCause>().WithMany().HasForeignKey(a => a.CauseKey).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Version).IsRowVersion();
        b.HasMany(a => a.Editions).WithOne().HasForeignKey(e => e.AnswerId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Editions).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Search columns computed by PostgreSQL, as the customers' are (ADR 0011, ADR 0038).
        b.Property<string>(AnswerSearch.TextColumn).HasComputedColumnSql(AnswerSearch.TextSql, stored: true);
        b.Property<string[]>(AnswerSearch.GramsColumn).HasComputedColumnSql(AnswerSearch.GramsSql, stored: true);
        b.HasIndex(AnswerSearch.TextColumn).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasIndex(AnswerSearch.GramsColumn).HasMethod("gin");
    }
}

internal sealed class StandardAnswerEditionConfiguration : IEntityTypeConfiguration<StandardAnswerEdition>
{
    public void Configure(EntityTypeBuilder<StandardAnswerEdition> b)
    {
        b.ToTable("standard_answer_editions");
        b.HasKey(e => new { e.AnswerId, e.Edition });
        b.Property(e => e.Question).HasMaxLength(StandardAnswerLimits.Question);
        b.Property(e => e.Answer).HasMaxLength(StandardAnswerLimits.Answer);
        b.Property(e => e.Product).HasMaxLength(ComplaintLimits.Product);
        b.Property(e => e.CauseKey).HasMaxLength(ComplaintLimits.CauseKey);
    }
}

internal sealed class ComplaintsDesignTimeFactory : IDesignTimeDbContextFactory<ComplaintsDbContext>
{
    public ComplaintsDbContext CreateDbContext(string[] args) => new(DatabaseRegistration.DesignTimeOptions<ComplaintsDbContext>(ComplaintsDbContext.SchemaName));
}
