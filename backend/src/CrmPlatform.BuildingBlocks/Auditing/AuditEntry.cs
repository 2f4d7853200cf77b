namespace CrmPlatform.BuildingBlocks.Auditing;

/// <summary>Marks an entity whose every write is recorded in its module's audit log.</summary>
public interface IAudited
{
    Guid Id { get; }
}

/// <summary>One write to one audited record: who, when, what kind, and each field's old and new value.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; }

    /// <summary>The record's type in the API's words ("customer").</summary>
    public required string EntityType { get; init; }

    public Guid EntityId { get; init; }

    public AuditAction Action { get; init; }

    /// <summary>The user who made the change; null for the system (a job, an event consumer).</summary>
    public Guid? ChangedBy { get; init; }

    public DateTimeOffset ChangedAt { get; init; }

    public required IReadOnlyList<FieldChange> Changes { get; init; }
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,

    /// <summary>Another record was merged into this one; the changes name it and what came with it.</summary>
    Merged,
}

/// <summary>A property that is bookkeeping, not a fact anyone changes (timestamps): left out of the audit log.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;

/// <param name="Field">The field's camelCase name, as the API spells it.</param>
/// <param name="Old">The value before, as text; null when there was none.</param>
/// <param name="New">The value after, as text; null when there is none.</param>
public sealed record FieldChange(string Field, string? Old, string? New);
