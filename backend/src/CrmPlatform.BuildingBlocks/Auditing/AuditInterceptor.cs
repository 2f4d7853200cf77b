using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CrmPlatform.BuildingBlocks.Auditing;

/// <summary>
/// The audit log, written once for every module: as a context saves, each added, modified or deleted
/// <see cref="IAudited"/> entity gets an <see cref="AuditEntry"/> with its changed fields, saved in the
/// same transaction, so there is no write without its record and no handler writes audit code.
/// Singleton (contexts are pooled): the caller comes from the request (or the <see cref="ActingUser"/>), the time from the clock.
/// </summary>
internal sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is not ModuleDbContext module)
        {
            return;
        }

        var entries = module.ChangeTracker.Entries<IAudited>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var now = clock.GetDatabaseUtcNow();
        var changedBy = ActingUser.Value?.Id ?? (Guid.TryParse(http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var user) ? user : (Guid?)null);
        foreach (var entry in entries)
        {
            if (EntryFor(entry, entry.State, now, changedBy) is { } audit)
            {
                module.AuditEntries.Add(audit);
            }
        }
    }

    /// <summary>The audit entry of one write (<paramref name="state"/> says which); null for an update that changes nothing.</summary>
    internal static AuditEntry? EntryFor(EntityEntry<IAudited> entry, EntityState state, DateTimeOffset now, Guid? changedBy)
    {
        var changes = Changes(entry, state);
        if (state == EntityState.Modified && changes.Count == 0)
        {
            return null;
        }

        return new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            EntityType = JsonNamingPolicy.CamelCase.ConvertName(entry.Metadata.ClrType.Name),
            EntityId = entry.Entity.Id,
            Action = state switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            },
            ChangedBy = changedBy,
            ChangedAt = now,
            Changes = changes,
        };
    }

    /// <summary>Each mapped property whose value differs (all of them with a value, for a new record), but not the id, the row version or bookkeeping.</summary>
    private static List<FieldChange> Changes(EntityEntry<IAudited> entry, EntityState state) =>
    [
        .. entry.Properties
            .Where(p => IsAudited(p.Metadata))
            .Select(p => (
                Field: JsonNamingPolicy.CamelCase.ConvertName(p.Metadata.Name),
                Old: state == EntityState.Added ? null : AuditValues.Text(p.OriginalValue),
                New: state == EntityState.Deleted ? null : AuditValues.Text(p.CurrentValue)))
            .Where(c => c.Old != c.New)
            .Select(c => new FieldChange(c.Field, c.Old, c.New)),
    ];

    /// <summary>
    /// The "created" entry of a record written without the change tracker (<see cref="BulkInsert"/>): the same fields as
    /// <see cref="EntryFor"/> gives a new record, read straight from the entity.
    /// </summary>
    internal static AuditEntry Created(IEntityType entityType, IAudited entity, DateTimeOffset now, Guid? changedBy) => new()
    {
        Id = Guid.CreateVersion7(now),
        EntityType = JsonNamingPolicy.CamelCase.ConvertName(entityType.ClrType.Name),
        EntityId = entity.Id,
        Action = AuditAction.Created,
        ChangedBy = changedBy,
        ChangedAt = now,
        Changes =
        [
            .. entityType.GetProperties()
                .Where(IsAudited)
                .Select(p => (p, Value: AuditValues.Text(p.GetGetter().GetClrValueUsingContainingEntity(entity))))
                .Where(c => c.Value is not null)
                .Select(c => new FieldChange(JsonNamingPolicy.CamelCase.ConvertName(c.p.Name), null, c.Value)),
        ],
    };

    private static bool IsAudited(IProperty property) =>
        !property.IsPrimaryKey() && !property.IsConcurrencyToken && !property.IsShadowProperty()
        && property.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute), inherit: false) != true;
}

/// <summary>How a value reads in the audit log: one line of text, the same for every module.</summary>
public static class AuditValues
{
    public static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        // Tags, phones: one line, so an old → new diff reads like the field.
        System.Collections.IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Text)),
        Enum e => JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
