using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Customers.Contracts.Following;
using CrmPlatform.Deals.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Deals.Persistence;

/// <summary>The deals schema: the pipeline's stages, products, deals with their lines and stage history, invoices and payments, sales targets, the objection-handling library with the refusals met on deals, and the module's copy of customers.</summary>
internal sealed class DealsDbContext(DbContextOptions<DealsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "deals";

    public override string Schema => SchemaName;

    public DbSet<CustomerCopy> CustomerCopies => Set<CustomerCopy>();

    public DbSet<PipelineStage> Stages => Set<PipelineStage>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Deal> Deals => Set<Deal>();

    public DbSet<DealStageChange> StageChanges => Set<DealStageChange>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<SalesTarget> Targets => Set<SalesTarget>();

    public DbSet<ObjectionScript> ObjectionScripts => Set<ObjectionScript>();

    public DbSet<DealObjection> DealObjections => Set<DealObjection>();
}

internal sealed class CustomerCopyConfiguration : IEntityTypeConfiguration<CustomerCopy>
{
    public void Configure(EntityTypeBuilder<CustomerCopy> b) => CustomerCopy.Configure(b);
}

internal sealed class PipelineStageConfiguration : IEntityTypeConfiguration<PipelineStage>
{
    public void Configure(EntityTypeBuilder<PipelineStage> b)
    {
        b.ToTable("pipeline_stages");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(StageLimits.Key);
        b.Property(s => s.Name).HasMaxLength(StageLimits.Name);
        b.Property(s => s.EnglishName).HasMaxLength(StageLimits.Name);
        b.Property(s => s.Phase).HasConversion<string>().HasMaxLength(10);
        b.HasData(
            PipelineStage.Create("plan", "编制计划", "Plan", 0, 10, StagePhase.Open),
            PipelineStage.Create("develop", "客户开发", "Develop", 1, 20, StagePhase.Open),
            PipelineStage.Create("appointment", "约见面谈", "Appointment", 2, 40, StagePhase.Open),
            PipelineStage.Create("recommend", "产品推荐", "Recommend", 3, 60, StagePhase.Open),
            PipelineStage.Create("close", "双方成交", "Closed", 4, 100, StagePhase.Won),
            PipelineStage.Create("afterSales", "售后服务", "After-sales", 5, 100, StagePhase.Won));
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("products");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(ProductLimits.Name);
        b.Property(p => p.Spec).HasMaxLength(ProductLimits.Spec);
        b.Property(p => p.Unit).HasMaxLength(ProductLimits.Unit);
        b.Property(p => p.Category).HasMaxLength(ProductLimits.Category);
        b.Property(p => p.ListPrice).HasPrecision(14, 2);
        b.Property(p => p.Cost).HasPrecision(14, 2);
        b.Property(p => p.Version).IsRowVersion();
        b.HasIndex(p => p.Name);
    }
}

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> b)
    {
        b.ToTable("deals");
        b.HasKey(d => d.Id);
        b.Property(d => d.Title).HasMaxLength(DealLimits.Title);
        b.Property(d => d.Stage).HasMaxLength(StageLimits.Key);
        b.Property(d => d.Amount).HasPrecision(14, 2);
        b.Property(d => d.Cost).HasPrecision(14, 2);
        b.Property(d => d.Currency).HasMaxLength(3);
        b.Property(d => d.NextStep).HasMaxLength(DealLimits.NextStep);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(d => d.LostReason).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.LostNote).HasMaxLength(DealLimits.LostNote);
        b.Property(d => d.Version).IsRowVersion();
        b.Ignore(d => d.Customer);
        // A stage in use cannot be removed; a deal is about a customer Deals knows (its copy is written first).
        b.HasOne<PipelineStage>().WithMany().HasForeignKey(d => d.Stage).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CustomerCopy>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.DealId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.StageChanges).WithOne().HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(d => d.StageChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The board: a phase's deals by stage, soonest expected close first.
        b.HasIndex(d => new { d.Status, d.Stage, d.ExpectedCloseOn, d.Id });
        // The board's totals and the won deals of a period (targets): open deals, or deals won since a day.
        b.HasIndex(d => new { d.Status, d.WonOn });
        // Target progress: a period's wins, read from the index alone (who won, how much, at what cost, which customer).
        b.HasIndex(d => d.WonOn).HasFilter("status = 'Won'").IncludeProperties(d => new { d.WonBy, d.Amount, d.Cost, d.CustomerId, d.ClosedAt })
            .HasDatabaseName("ix_deals_won_on_covering");
        b.HasIndex(d => new { d.OwnerId, d.Status });
        b.HasIndex(d => new { d.TeamId, d.Status });
        b.HasIndex(d => d.CustomerId);
    }
}

internal sealed class DealLineConfiguration : IEntityTypeConfiguration<DealLine>
{
    public void Configure(EntityTypeBuilder<DealLine> b)
    {
        b.ToTable("deal_lines");
        b.HasKey(l => l.Id);
        // Ids are made by the domain: a line added to a loaded deal is new, not an existing row to update.
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Product).HasMaxLength(ProductLimits.Name);
        b.Property(l => l.Spec).HasMaxLength(ProductLimits.Spec);
        b.Property(l => l.Unit).HasMaxLength(ProductLimits.Unit);
        b.Property(l => l.Category).HasMaxLength(ProductLimits.Category);
        b.Property(l => l.Quantity).HasPrecision(14, 3);
        b.Property(l => l.UnitPrice).HasPrecision(14, 2);
        b.Property(l => l.DiscountPercent).HasPrecision(5, 2);
        b.Property(l => l.UnitCost).HasPrecision(14, 2);
        b.Property(l => l.Amount).HasPrecision(14, 2);
        b.Property(l => l.Cost).HasPrecision(14, 2);
        b.HasIndex(l => new { l.DealId, l.Position });
    }
}

internal sealed class DealStageChangeConfiguration : IEntityTypeConfiguration<DealStageChange>
{
    public void Configure(EntityTypeBuilder<DealStageChange> b)
    {
        b.ToTable("deal_stage_changes");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.FromStage).HasMaxLength(StageLimits.Key);
        b.Property(c => c.ToStage).HasMaxLength(StageLimits.Key);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(c => new { c.DealId, c.ChangedAt });
        // The funnel: which deals reached a stage in a period.
        b.HasIndex(c => new { c.ToStage, c.ChangedAt });
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.ToTable("invoices");
        b.HasKey(i => i.Id);
        b.Property(i => i.Number).HasMaxLength(InvoiceLimits.Number);
        b.Property(i => i.Amount).HasPrecision(14, 2);
        b.Property(i => i.Paid).HasPrecision(14, 2);
        b.Property(i => i.Version).IsRowVersion();
        b.Ignore(i => i.Outstanding);
        b.HasOne<Deal>().WithMany().HasForeignKey(i => i.DealId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Payments).WithOne().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(i => i.Payments).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(i => i.DealId);
        // Ageing and lists by rep, team and customer, over what is still owed.
        b.HasIndex(i => new { i.OwnerId, i.DueOn });
        b.HasIndex(i => new { i.TeamId, i.DueOn });
        b.HasIndex(i => new { i.CustomerId, i.DueOn });
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.ToTable("payments");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Amount).HasPrecision(14, 2);
        b.Property(p => p.Method).HasMaxLength(InvoiceLimits.Method);
        b.Property(p => p.Note).HasMaxLength(InvoiceLimits.Note);
        // Collections by the day they came in (targets of the 货款回收 kind).
        b.HasIndex(p => p.ReceivedOn);
    }
}

internal sealed class SalesTargetConfiguration : IEntityTypeConfiguration<SalesTarget>
{
    public void Configure(EntityTypeBuilder<SalesTarget> b)
    {
        b.ToTable("sales_targets");
        b.HasKey(t => t.Id);
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(t => t.Period).HasConversion<string>().HasMaxLength(10);
        b.Property(t => t.Split).HasConversion<string>().HasMaxLength(10);
        b.Property(t => t.ProductCategory).HasMaxLength(ProductLimits.Category);
        b.Property(t => t.Amount).HasPrecision(14, 2);
        b.Property(t => t.Version).IsRowVersion();
        // A split's children go with it.
        b.HasOne<SalesTarget>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Cascade);
        // One target per slot: a kind (and category) for a subject over a period.
        b.HasIndex(t => new { t.Kind, t.Level, t.SubjectId, t.Period, t.StartsOn, t.ProductCategory }).IsUnique().AreNullsDistinct(false);
        b.HasIndex(t => t.ParentId);
        b.HasIndex(t => new { t.TeamId, t.StartsOn });
    }
}

internal sealed class ObjectionScriptConfiguration : IEntityTypeConfiguration<ObjectionScript>
{
    public void Configure(EntityTypeBuilder<ObjectionScript> b)
    {
        b.ToTable("objection_scripts");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Objection).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Audience).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Text).HasMaxLength(ObjectionLimits.Text);
        b.Property(s => s.EnglishText).HasMaxLength(ObjectionLimits.Text);
        b.Property(s => s.Version).IsRowVersion();
        b.HasIndex(s => new { s.Objection, s.Audience });
        b.HasData(SeededScripts.All());
    }
}

internal sealed class DealObjectionConfiguration : IEntityTypeConfiguration<DealObjection>
{
    public void Configure(EntityTypeBuilder<DealObjection> b)
    {
        b.ToTable("deal_objections");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.Objection).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Note).HasMaxLength(ObjectionLimits.Note);
        b.HasOne<Deal>().WithMany().HasForeignKey(o => o.DealId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ObjectionScript>().WithMany().HasForeignKey(o => o.ScriptId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => new { o.DealId, o.RecordedAt });
        // A script's success rate: its uses counted along this index.
        b.HasIndex(o => new { o.ScriptId, o.Worked });
    }
}

internal sealed class DealsDesignTimeFactory : IDesignTimeDbContextFactory<DealsDbContext>
{
    public DealsDbContext CreateDbContext(string[] args) => new(DatabaseRegistration.DesignTimeOptions<DealsDbContext>(DealsDbContext.SchemaName));
}
