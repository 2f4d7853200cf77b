using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            module.AuditEntries.Add(new AuditEntry
            {
                Id = Guid.CreateVersion7(now),
                EntityType = JsonNamingPolicy.CamelCase.ConvertName(entry.Metadata.ClrType.Name),
                EntityId = entry.Entity.Id,
                Action = entry.State switch
                {
                    EntityState.Added => AuditAction.Created,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Updated,
                },
                ChangedBy = changedBy,
                ChangedAt = now,
                Changes = changes,
            });
        }
    }

    /// <summary>Each mapped property whose value differs (all of them with a value, for a new record), but not the id, the row version or bookkeeping.</summary>
    private static List<FieldChange> Changes(EntityEntry<IAudited> entry) =>
    [
        .. entry.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() && !p.Metadata.IsConcurrencyToken && !p.Metadata.IsShadowProperty()
                && p.Metadata.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute), inherit: false) != true)
            .Select(p => (
                Field: JsonNamingPolicy.CamelCase.ConvertName(p.Metadata.Name),
                Old: entry.State == EntityState.Added ? null : AuditValues.Text(p.OriginalValue),
                New: entry.State == EntityState.Deleted ? null : AuditValues.Text(p.CurrentValue)))
            .Where(c => c.Old != c.New)
            .Select(c => new FieldChange(c.Field, c.Old, c.New)),
    ];
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
