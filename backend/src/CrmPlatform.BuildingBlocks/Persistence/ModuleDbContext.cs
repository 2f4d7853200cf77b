using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>
/// Base of every module's context: its own schema, plus the module's outbox (events it publishes),
/// inbox (events it has already handled) and audit log (every write to an <see cref="IAudited"/>
/// record, written by <see cref="AuditInterceptor"/>) in that schema.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    public abstract string Schema { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Queues an integration event; it is written with the command's transaction and dispatched after commit.</summary>
    public void Publish(IntegrationEvent integrationEvent) => OutboxMessages.Add(OutboxMessage.From(integrationEvent));

    /// <summary>
    /// Claims an event for a consumer: false when this consumer already handled it (at-least-once delivery).
    /// The claim is saved with the consumer's own changes, so a failed handling can be retried.
    /// </summary>
    public async Task<bool> TryClaimAsync(IntegrationEvent integrationEvent, string consumer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await InboxMessages.AnyAsync(m => m.EventId == integrationEvent.EventId && m.Consumer == consumer, cancellationToken))
        {
            return false;
        }

        InboxMessages.Add(new InboxMessage { EventId = integrationEvent.EventId, Consumer = consumer, HandledAt = now });
        return true;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(m => m.Id);
            b.Property(m => m.Type).HasMaxLength(300);
            b.Property(m => m.Payload).HasColumnType("jsonb");
            b.HasIndex(m => m.OccurredAt).HasFilter("processed_at IS NULL");
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.HasKey(m => new { m.EventId, m.Consumer });
            b.Property(m => m.Consumer).HasMaxLength(200);
        });
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("audit_entries");
            b.HasKey(e => e.Id);
            b.Property(e => e.EntityType).HasMaxLength(100);
            b.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.Changes).HasColumnType("jsonb").HasConversion(AuditJson.Changes, AuditJson.Comparer);
            // A record's history, newest first.
            b.HasIndex(e => new { e.EntityType, e.EntityId, e.Id });
        });
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly);
    }
}
