using System.Text.Json;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Visits.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmPlatform.Visits.Persistence;

/// <summary>The visits schema: the reps' daily visit plans and their sign-off, the visits as they happened, their confirmations, and the daily and market reports.</summary>
internal sealed class VisitsDbContext(DbContextOptions<VisitsDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "visits";

    public override string Schema => SchemaName;

    public DbSet<VisitPlan> Plans => Set<VisitPlan>();

    public DbSet<VisitRecord> Visits => Set<VisitRecord>();

    public DbSet<VisitConfirmation> Confirmations => Set<VisitConfirmation>();

    public DbSet<DailyReport> Reports => Set<DailyReport>();

    public DbSet<MarketReport> MarketReports => Set<MarketReport>();

    public DbSet<WeeklyReport> WeeklyReports => Set<WeeklyReport>();
}

internal sealed class WeeklyReportConfiguration : IEntityTypeConfiguration<WeeklyReport>
{
    public void Configure(EntityTypeBuilder<WeeklyReport> b)
    {
        b.ToTable("weekly_reports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.Figures).HasColumnType("jsonb");
        b.Property(r => r.Plan).HasMaxLength(WeeklyLimits.Text);
        b.Property(r => r.Comment).HasMaxLength(WeeklyLimits.Text);
        b.Property(r => r.NextWeekTarget).HasPrecision(11, 2);
        b.Property(r => r.Version).IsRowVersion();
        // One report per team and week.
        b.HasIndex(r => new { r.TeamId, r.WeekStart }).IsUnique();
    }
}

internal sealed class MarketReportConfiguration : IEntityTypeConfiguration<MarketReport>
{
    public void Configure(EntityTypeBuilder<MarketReport> b)
    {
        b.ToTable("market_reports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(25);
        b.Property(r => r.Severity).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(15);
        b.Property(r => r.CustomerName).HasMaxLength(100);
        b.Property(r => r.Competitor).HasMaxLength(MarketLimits.Name);
        b.Property(r => r.Product).HasMaxLength(MarketLimits.Name);
        b.Property(r => r.Description).HasMaxLength(MarketLimits.Text);
        b.Property(r => r.SuggestedAction).HasMaxLength(MarketLimits.Text);
        b.Property(r => r.Response).HasMaxLength(MarketLimits.Response);
        b.Property(r => r.Version).IsRowVersion();
        // A rep's reports and a team's week of competitor moves.
        b.HasIndex(r => new { r.OwnerId, r.ObservedOn });
        b.HasIndex(r => new { r.TeamId, r.ObservedOn });
    }
}

internal sealed class DailyReportConfiguration : IEntityTypeConfiguration<DailyReport>
{
    public void Configure(EntityTypeBuilder<DailyReport> b)
    {
        b.ToTable("daily_reports");
        b.HasKey(r => r.Id);
        b.ComplexProperty(r => r.Content, c =>
        {
            c.Property(x => x.Attendance).HasConversion<string>().HasMaxLength(15).HasColumnName("attendance");
            c.Property(x => x.ComplaintsHandled).HasColumnName("complaints_handled");
            c.Property(x => x.ComplaintNotes).HasMaxLength(ReportLimits.Text).HasColumnName("complaint_notes");
            c.Property(x => x.Orders).HasColumnName("orders");
            c.Property(x => x.OrderAmount).HasPrecision(11, 2).HasColumnName("order_amount");
            c.Property(x => x.Collected).HasPrecision(11, 2).HasColumnName("collected");
            c.Property(x => x.CompetitorInfo).HasMaxLength(ReportLimits.Text).HasColumnName("competitor_info");
            c.Property(x => x.CustomerFeedback).HasMaxLength(ReportLimits.Text).HasColumnName("customer_feedback");
            c.Property(x => x.CustomerNews).HasMaxLength(ReportLimits.Text).HasColumnName("customer_news");
            c.Property(x => x.Lessons).HasMaxLength(ReportLimits.Text).HasColumnName("lessons");
        });
        b.ComplexProperty(r => r.Visits, v =>
        {
            v.Property(x => x.Visits).HasColumnName("visits");
            v.Property(x => x.EffectiveVisits).HasColumnName("effective_visits");
            v.Property(x => x.Cost).HasPrecision(10, 2).HasColumnName("visit_cost");
            v.Property(x => x.Minutes).HasColumnName("visit_minutes");
        });
        b.Property(r => r.MonthTarget).HasPrecision(14, 2);
        b.Property(r => r.MonthAchieved).HasPrecision(14, 2);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.ReviewComment).HasMaxLength(ReportLimits.Comment);
        b.Property(r => r.Version).IsRowVersion();
        // One report per rep and day.
        b.HasIndex(r => new { r.OwnerId, r.Day }).IsUnique();
        // The manager's inbox, and a team's week.
        b.HasIndex(r => new { r.TeamId, r.Status, r.SubmittedAt });
        b.HasIndex(r => new { r.TeamId, r.Day });
    }
}

internal sealed class VisitConfirmationConfiguration : IEntityTypeConfiguration<VisitConfirmation>
{
    public void Configure(EntityTypeBuilder<VisitConfirmation> b)
    {
        b.ToTable("visit_confirmations");
        b.HasKey(c => c.Id);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(c => c.Reason).HasMaxLength(ConfirmationLimits.Reason);
        b.Property(c => c.LostCost).HasPrecision(8, 2);
        b.Property(c => c.Version).IsRowVersion();
        // One confirmation per planned visit.
        b.HasIndex(c => new { c.PlanId, c.CustomerId }).IsUnique();
        // A period's losses, per rep and per team.
        b.HasIndex(c => new { c.OwnerId, c.Day });
        b.HasIndex(c => new { c.TeamId, c.Day });
    }
}

internal sealed class VisitRecordConfiguration : IEntityTypeConfiguration<VisitRecord>
{
    public void Configure(EntityTypeBuilder<VisitRecord> b)
    {
        b.ToTable("visit_records");
        b.HasKey(v => v.Id);
        b.Property(v => v.Purpose).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.CustomerName).HasMaxLength(100);
        b.Property(v => v.Outcome).HasMaxLength(VisitLimits.Outcome);
        b.Property(v => v.NextStep).HasMaxLength(VisitLimits.NextStep);
        b.Property(v => v.Cost).HasPrecision(8, 2);
        b.Property(v => v.DealTitle).HasMaxLength(200);
        b.Property(v => v.ComplaintTitle).HasMaxLength(200);
        b.OwnsOne(v => v.CheckInLocation, l =>
        {
            l.Property(x => x.Latitude).HasColumnName("check_in_latitude");
            l.Property(x => x.Longitude).HasColumnName("check_in_longitude");
            l.Property(x => x.AccuracyMeters).HasColumnName("check_in_accuracy_meters");
        });
        b.OwnsOne(v => v.CheckOutLocation, l =>
        {
            l.Property(x => x.Latitude).HasColumnName("check_out_latitude");
            l.Property(x => x.Longitude).HasColumnName("check_out_longitude");
            l.Property(x => x.AccuracyMeters).HasColumnName("check_out_accuracy_meters");
        });
        b.Ignore(v => v.DurationMinutes);
        b.Property(v => v.Version).IsRowVersion();
        // A rep's day, and a team's.
        b.HasIndex(v => new { v.OwnerId, v.CheckedInAt });
        b.HasIndex(v => new { v.TeamId, v.CheckedInAt });
    }
}

internal sealed class VisitPlanConfiguration : IEntityTypeConfiguration<VisitPlan>
{
    public void Configure(EntityTypeBuilder<VisitPlan> b)
    {
        b.ToTable("visit_plans");
        b.HasKey(p => p.Id);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(10);
        // Written and read whole with the plan: a jsonb array, not a table of its own.
        b.Property(p => p.Visits).HasColumnType("jsonb").HasConversion(PlannedVisitsJson.Converter, PlannedVisitsJson.Comparer);
        b.Property(p => p.ReturnComment).HasMaxLength(PlanLimits.Comment);
        b.Property(p => p.Version).IsRowVersion();
        // One plan per rep and day.
        b.HasIndex(p => new { p.OwnerId, p.Day }).IsUnique();
        // The manager's inbox: the team's plans waiting, oldest first.
        b.HasIndex(p => new { p.TeamId, p.Status, p.SubmittedAt });
    }
}

/// <summary>A plan's visits as a jsonb array.</summary>
internal static class PlannedVisitsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<IReadOnlyList<PlannedVisit>, string> Converter = new(
        visits => JsonSerializer.Serialize(visits, Options),
        json => JsonSerializer.Deserialize<List<PlannedVisit>>(json, Options) ?? new List<PlannedVisit>());

    public static readonly ValueComparer<IReadOnlyList<PlannedVisit>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        visits => visits.Aggregate(0, (hash, visit) => HashCode.Combine(hash, visit)),
        visits => visits.ToList());
}

internal sealed class VisitsDesignTimeFactory : IDesignTimeDbContextFactory<VisitsDbContext>
{
    public VisitsDbContext CreateDbContext(string[] args) => new(DatabaseRegistration.DesignTimeOptions<VisitsDbContext>(VisitsDbContext.SchemaName));
}
