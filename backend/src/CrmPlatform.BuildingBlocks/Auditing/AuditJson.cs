using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmPlatform.BuildingBlocks.Auditing;

/// <summary>Field changes are stored as a jsonb array of {field, old, new}.</summary>
internal static class AuditJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<IReadOnlyList<FieldChange>, string> Changes = new(
        changes => JsonSerializer.Serialize(changes, Options),
        json => JsonSerializer.Deserialize<List<FieldChange>>(json, Options) ?? new List<FieldChange>());

    public static readonly ValueComparer<IReadOnlyList<FieldChange>> Comparer = new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        changes => changes.Aggregate(0, (hash, change) => HashCode.Combine(hash, change.GetHashCode())),
        changes => changes.ToList());
}
