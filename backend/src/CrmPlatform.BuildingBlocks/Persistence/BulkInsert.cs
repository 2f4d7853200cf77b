using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>
/// New rows by the thousand (an import): one binary COPY per table instead of an INSERT per row, which is what
/// SaveChanges sends. The columns, their converters and their types come from the EF model, so a bulk-written
/// row is the row SaveChanges would write; columns the database computes are left to it, and nothing is read
/// back. An <see cref="IAudited"/> entity gets the same "created" audit entry the <see cref="AuditInterceptor"/>
/// writes, by the <see cref="ActingUser"/> (bulk writes are background work on someone's behalf). Runs in the
/// context's current transaction; the entities are not tracked.
/// </summary>
public static class BulkInsert
{
    public static async Task BulkInsertAsync<T>(this ModuleDbContext db, IReadOnlyCollection<T> entities, TimeProvider clock, CancellationToken cancellationToken)
        where T : class
    {
        if (entities.Count == 0)
        {
            return;
        }

        await CopyAsync(db, entities, cancellationToken);
        if (typeof(IAudited).IsAssignableFrom(typeof(T)))
        {
            var now = clock.GetDatabaseUtcNow();
            var entityType = db.Model.FindEntityType(typeof(T))!;
            var audits = entities.Select(e => AuditInterceptor.Created(entityType, (IAudited)e, now, ActingUser.Value?.Id)).ToList();
            await CopyAsync(db, audits, cancellationToken);
        }
    }

    private static async Task CopyAsync<T>(ModuleDbContext db, IReadOnlyCollection<T> entities, CancellationToken cancellationToken)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped by {db.GetType().Name}.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        // Computed columns and the row version (xmin) are the database's to fill; a shadow property has no value on the
        // entity to copy (its column is kept by SQL of its own, as a customer's copy of its contacts is).
        var columns = entityType.GetProperties()
            .Where(p => p.ValueGenerated != ValueGenerated.OnAddOrUpdate && !p.IsShadowProperty())
            .Select(p => new Column(p.GetGetter(), p.GetColumnName(table)!, p.GetRelationalTypeMapping()))
            .ToList();

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copy = $"COPY \"{table.Schema}\".\"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var entity in entities)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                await column.WriteAsync(importer, entity, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private sealed record Column(IClrPropertyGetter Getter, string Name, RelationalTypeMapping Mapping)
    {
        private readonly bool _json = Mapping.StoreType == "jsonb";

        public Task WriteAsync(NpgsqlBinaryImporter importer, object entity, CancellationToken cancellationToken)
        {
            var value = Getter.GetClrValueUsingContainingEntity(entity);
            if (value is not null && Mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            // Npgsql infers every other type from the value; a JSON document is text the database must be told about.
            return value is null ? importer.WriteNullAsync(cancellationToken)
                : _json ? importer.WriteAsync(value, NpgsqlDbType.Jsonb, cancellationToken)
                : importer.WriteAsync(value, cancellationToken);
        }
    }
}
