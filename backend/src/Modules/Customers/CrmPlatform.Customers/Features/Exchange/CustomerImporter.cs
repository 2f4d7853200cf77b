using System.Security.Cryptography;
using System.Text;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Jobs;
using CrmPlatform.Customers.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features.Exchange;

/// <summary>
/// Writes one batch of an import's rows in one transaction with the job's progress, so a batch is written whole
/// or not at all and a worker that dies resumes after the last batch saved. A row becomes a new customer, an
/// update of the one customer it matches (when the import updates), or a skip: a customer already there by the
/// duplicate rule (ADR 0020), a row earlier in the file, or a key-less row imported before.
/// </summary>
internal sealed class CustomerImporter(
    CustomersDbContext db,
    ICurrentUser importer,
    IValidator<CustomerInput> validator,
    WakeSignal<OutboxDispatcher> outbox,
    TimeProvider clock)
{
    /// <summary>Batches of every import, on every instance, are written one at a time, so each sees what the others created.</summary>
    private const long BatchLock = 0x437573_496D706F;

    /// <summary>
    /// Reads a batch's rows as customers, before its transaction: work for the processor, which the runner does for
    /// the next batch while this one is written.
    /// </summary>
    public static PreparedBatch Prepare(
        ImportJob job, CustomerFileLayout layout, IReadOnlyList<FileRow> rows, IValidator<CustomerInput> validator, LoyaltyRule loyalty, DateTimeOffset now)
    {
        var batch = new PreparedBatch(rows.Count);
        foreach (var row in rows)
        {
            var read = layout.Read(CustomerFileLayout.NewCustomer, row.Cells, validator);
            if (read.Input is null)
            {
                batch.Results.Add(Result(job, row, ImportOutcome.Failed, null, read.Problem, read.Column));
                continue;
            }

            var customer = Customer.Create(read.Input.Details, job.OwnerId, job.OwnerTeamId, now);
            customer.ApplyLoyalty(loyalty, now);
            batch.Candidates.Add(new Candidate(row, customer));
        }

        return batch;
    }

    /// <param name="job">The import as it was claimed (not tracked: its file is large, and only its counters change, in SQL).</param>
    /// <param name="claim">This worker's hold on the job: if another worker claimed it since, nothing of the batch is kept.</param>
    public async Task WriteAsync(
        ImportJob job, ClaimedJob claim, CustomerFileLayout layout, PreparedBatch batch, LoyaltyRule loyalty, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({BatchLock})", cancellationToken);
        // A batch's lookups are a few index probes each: starting parallel workers would cost more than they save.
        await db.Database.ExecuteSqlAsync($"SET LOCAL max_parallel_workers_per_gather = 0", cancellationToken);
        var now = clock.GetDatabaseUtcNow();
        var (candidates, results) = (batch.Candidates, batch.Results);
        var keys = await KeysAsync(candidates, cancellationToken);
        var matches = await MatchesAsync(job, candidates, keys, cancellationToken);
        var visible = await VisibleAsync(matches, cancellationToken);
        var toUpdate = await ToUpdateAsync(job, matches, cancellationToken);
        var earlier = new EarlierRows();
        var created = new NewRows();
        foreach (var candidate in candidates)
        {
            var (row, customer) = candidate;
            var key = keys[row.Number];
            var fingerprint = key.IsEmpty ? Fingerprint(job, customer) : null;
            if (earlier.Find(key, fingerprint) is { } same)
            {
                results.Add(Result(job, row, ImportOutcome.Skipped, same.CustomerId, FileLanguage.Say($"与第 {same.Row} 行是同一客户。", $"The same customer as row {same.Row}.")));
                continue;
            }

            var found = matches[row.Number];
            var outcome = found.Count == 0 ? created.Add(job, row, customer, fingerprint)
                : found.Count == 1 && toUpdate.TryGetValue(found[0], out var existing) ? Update(job, row, layout, existing, loyalty, now)
                : Skip(job, row, found, visible);
            results.Add(outcome);
            earlier.Add(key, fingerprint, row.Number, outcome.CustomerId);
        }

        // The new rows, most of a batch, by COPY (audited the same way); the updates (tracked, few) and the events as any write.
        await db.BulkInsertAsync(created.Customers, clock, cancellationToken);
        if (created.Customers.Count > 0)
        {
            db.Publish(new CustomersImported(
                Guid.CreateVersion7(now), now, [.. created.Customers.Select(c => new ImportedCustomer(c.Id, c.Name, c.OwnerId, c.TeamId))]));
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.BulkInsertAsync(created.Fingerprints, clock, cancellationToken);
        await db.BulkInsertAsync(results, clock, cancellationToken);
        await CountAsync(claim, results, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
    }

    /// <summary>Adds the batch to the job's counters and holds its lease, in the batch's transaction.</summary>
    private async Task CountAsync(ClaimedJob claim, List<ImportRowResult> results, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int Counted(ImportOutcome outcome) => results.Count(r => r.Outcome == outcome);
        var (done, created, updated, skipped, failed) =
            (results.Count, Counted(ImportOutcome.Created), Counted(ImportOutcome.Updated), Counted(ImportOutcome.Skipped), Counted(ImportOutcome.Failed));
        var leaseUntil = now + ImportLimits.Lease;
        var held = await ImportRunner.Held(db, claim).ExecuteUpdateAsync(
            j => j.SetProperty(x => x.RowsDone, x => x.RowsDone + done)
                .SetProperty(x => x.Created, x => x.Created + created)
                .SetProperty(x => x.Updated, x => x.Updated + updated)
                .SetProperty(x => x.Skipped, x => x.Skipped + skipped)
                .SetProperty(x => x.Failed, x => x.Failed + failed)
                .SetProperty(x => x.LeaseUntil, leaseUntil),
            cancellationToken);
        if (held == 0)
        {
            throw new ImportLeaseLostException();
        }
    }

    /// <summary>The row's non-empty cells over the customer's facts; a skip when they change nothing.</summary>
    private ImportRowResult Update(ImportJob job, FileRow row, CustomerFileLayout layout, Customer customer, LoyaltyRule loyalty, DateTimeOffset now)
    {
        var read = layout.Read(CustomerInput.Of(customer), row.Cells, validator);
        if (read.Input is null)
        {
            return Result(job, row, ImportOutcome.Failed, customer.Id, read.Problem, read.Column);
        }

        var entry = db.Entry(customer);
        var renamed = customer.Describe(read.Input.Details, now);
        customer.ApplyLoyalty(loyalty, now);
        entry.DetectChanges();
        if (!entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(Customer.UpdatedAt)))
        {
            entry.State = EntityState.Unchanged;
            return Result(job, row, ImportOutcome.Skipped, customer.Id, FileLanguage.Say("客户已存在，且没有要更新的内容。", "The customer is there already, with nothing to update."));
        }

        if (renamed)
        {
            db.Publish(new CustomerRenamed(Guid.CreateVersion7(now), now, customer.Id, customer.Name, customer.OwnerId, customer.TeamId));
        }

        return Result(job, row, ImportOutcome.Updated, customer.Id);
    }

    /// <summary>A row of a customer there already, named by id only to an importer who may see it.</summary>
    private static ImportRowResult Skip(ImportJob job, FileRow row, List<Guid> found, HashSet<Guid> visible)
    {
        var shown = found.Where(visible.Contains).Select(id => (Guid?)id).FirstOrDefault();
        var message = shown is null
            ? FileLanguage.Say("已有相同的客户，但不在你的客户范围内（属于其他团队或在公海中）。", "The same customer is there already, outside your records (another team's, or in the pool).")
            : job.Mode == ImportMode.AddNewAndUpdate && found.Count > 1
                ? FileLanguage.Say($"与 {found.Count} 个已有客户相同，无法确定更新哪一个：请先合并它们。", $"It matches {found.Count} existing customers, so which to update is unclear: merge them first.")
                : FileLanguage.Say("已有相同电话或同名同公司的客户。", "A customer with the same phone, or the same name at the same company, is there already.");
        return Result(job, row, ImportOutcome.Skipped, shown, message);
    }

    private static ImportRowResult Result(ImportJob job, FileRow row, ImportOutcome outcome, Guid? customerId, string? message = null, string? column = null) =>
        new() { JobId = job.Id, Row = row.Number, Outcome = outcome, CustomerId = customerId, Column = column, Message = message };

    /// <summary>Each row's duplicate keys, from the same SQL functions as the stored ones: one query for the batch.</summary>
    private async Task<Dictionary<int, DuplicateKeys.Keys>> KeysAsync(List<Candidate> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        int[] lines = [.. candidates.Select(c => c.Row.Number)];
        string[] names = [.. candidates.Select(c => c.Customer.Name)];
        string?[] companies = [.. candidates.Select(c => c.Customer.Company)];
        string?[] phones = [.. candidates.Select(c => c.Customer.Phone)];
        string[] others = [.. candidates.Select(c => string.Join(OtherPhonesSeparator, c.Customer.OtherPhones))];
        var keys = await db.Database.SqlQuery<LineKeys>($"""
            SELECT r.line, customers.phone_keys(r.phone, string_to_array(nullif(r.others, ''), chr(31))) AS phones, customers.identity_key(r.name, r.company) AS identity
            FROM unnest({lines}::int[], {names}::text[], {companies}::text[], {phones}::text[], {others}::text[]) AS r(line, name, company, phone, others)
            """).ToListAsync(cancellationToken);
        return keys.ToDictionary(k => k.Line, k => new DuplicateKeys.Keys(k.Phones, k.Identity));
    }

    private const char OtherPhonesSeparator = '\u001f';

    /// <summary>For each row, the customers already there that it matches (every one, whoever may see it): two queries for the batch.</summary>
    private async Task<Dictionary<int, List<Guid>>> MatchesAsync(ImportJob job, List<Candidate> candidates, Dictionary<int, DuplicateKeys.Keys> keys, CancellationToken cancellationToken)
    {
        string[] phones = [.. keys.Values.SelectMany(k => k.Phones).Distinct()];
        string[] identities = [.. keys.Values.Select(k => k.Identity).OfType<string>().Distinct()];
        // Written out so the planner probes the indexes once per key: "phone_keys && {a thousand keys}" reads as
        // unselective and scans the table (ADR 0020).
        var existing = phones.Length == 0 && identities.Length == 0
            ? []
            : await db.Database.SqlQuery<KeyedCustomer>($"""
                SELECT DISTINCT m.id, m.phone_keys AS phones, m.identity_key AS identity
                FROM (
                    SELECT c.id, c.phone_keys, c.identity_key, c.archived_at, c.merged_into_id
                    FROM unnest({phones}::text[]) AS k(key)
                    CROSS JOIN LATERAL (SELECT * FROM customers.customers WHERE phone_keys @> ARRAY[k.key]) AS c
                    UNION ALL
                    SELECT id, phone_keys, identity_key, archived_at, merged_into_id FROM customers.customers WHERE identity_key = ANY({identities}::text[])
                ) AS m
                WHERE m.archived_at IS NULL AND m.merged_into_id IS NULL
                """).ToListAsync(cancellationToken);
        var fingerprints = candidates.Where(c => keys[c.Row.Number].IsEmpty).Select(c => Fingerprint(job, c.Customer)).Distinct().ToArray();
        if (fingerprints.Length > 0)
        {
            // A key-less customer archived or merged away since is gone: the row may make it again.
            await db.ImportFingerprints
                .Where(f => fingerprints.Contains(f.Fingerprint)
                    && !db.Customers.IgnoreQueryFilters().Any(c => c.Id == f.CustomerId && c.ArchivedAt == null && c.MergedIntoId == null))
                .ExecuteDeleteAsync(cancellationToken);
        }

        var imported = fingerprints.Length == 0
            ? []
            : await db.ImportFingerprints.AsNoTracking().Where(f => fingerprints.Contains(f.Fingerprint)).ToDictionaryAsync(f => f.Fingerprint, f => f.CustomerId, cancellationToken);

        var byKey = existing
            .SelectMany(e => e.Phones.Select(p => "phone:" + p).Append(e.Identity is null ? null : "identity:" + e.Identity).OfType<string>().Select(k => (Key: k, e.Id)))
            .ToLookup(k => k.Key, k => k.Id);
        return candidates.ToDictionary(c => c.Row.Number, c =>
        {
            var key = keys[c.Row.Number];
            if (key.IsEmpty)
            {
                return imported.TryGetValue(Fingerprint(job, c.Customer), out var before) ? [before] : new List<Guid>();
            }

            var lookups = key.Phones.Select(p => "phone:" + p).Append(key.Identity is null ? null : "identity:" + key.Identity).OfType<string>();
            return lookups.SelectMany(k => byKey[k]).Distinct().Order().ToList();
        });
    }

    /// <summary>Which of the matched customers the importer may see.</summary>
    private async Task<HashSet<Guid>> VisibleAsync(Dictionary<int, List<Guid>> matches, CancellationToken cancellationToken)
    {
        Guid[] ids = [.. matches.Values.SelectMany(m => m).Distinct()];
        return ids.Length == 0
            ? []
            : [.. await db.Customers.AsNoTracking().VisibleTo(importer).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)];
    }

    /// <summary>The customers the batch would update, tracked: those a row matches alone and the importer may see (and so edit).</summary>
    private async Task<Dictionary<Guid, Customer>> ToUpdateAsync(ImportJob job, Dictionary<int, List<Guid>> matches, CancellationToken cancellationToken)
    {
        if (job.Mode != ImportMode.AddNewAndUpdate)
        {
            return [];
        }

        Guid[] ids = [.. matches.Values.Where(m => m.Count == 1).Select(m => m[0]).Distinct()];
        return ids.Length == 0 ? [] : await db.Customers.VisibleTo(importer).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    /// <summary>A row without phone or company is known again by its name and email within the owner's team.</summary>
    private static string Fingerprint(ImportJob job, Customer customer) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{job.OwnerTeamId}\u001f{customer.Kind}\u001f{customer.Name.ToUpperInvariant()}\u001f{customer.Email?.ToUpperInvariant()}")));

    /// <summary>A batch read: the rows that are customers, and the failures of those that are not.</summary>
    internal sealed class PreparedBatch(int size)
    {
        public List<Candidate> Candidates { get; } = new(size);

        public List<ImportRowResult> Results { get; } = new(size);
    }

    internal sealed record Candidate(FileRow Row, Customer Customer);

    /// <summary>The customers a batch creates and their fingerprints, for one COPY per table.</summary>
    private sealed class NewRows
    {
        public List<Customer> Customers { get; } = [];

        public List<ImportFingerprint> Fingerprints { get; } = [];

        public ImportRowResult Add(ImportJob job, FileRow row, Customer customer, string? fingerprint)
        {
            Customers.Add(customer);
            if (fingerprint is not null)
            {
                Fingerprints.Add(new ImportFingerprint { Fingerprint = fingerprint, CustomerId = customer.Id });
            }

            return Result(job, row, ImportOutcome.Created, customer.Id);
        }
    }

    private sealed record LineKeys(int Line, string[] Phones, string? Identity);

    private sealed record KeyedCustomer(Guid Id, string[] Phones, string? Identity);

    /// <summary>The rows of this batch already handled, by their keys: a later row with one of them is the same customer.</summary>
    private sealed class EarlierRows
    {
        private readonly Dictionary<string, (int Row, Guid? CustomerId)> _byKey = [];

        public (int Row, Guid? CustomerId)? Find(DuplicateKeys.Keys keys, string? fingerprint)
        {
            foreach (var key in Keys(keys, fingerprint))
            {
                if (_byKey.TryGetValue(key, out var row))
                {
                    return row;
                }
            }

            return null;
        }

        public void Add(DuplicateKeys.Keys keys, string? fingerprint, int row, Guid? customerId)
        {
            foreach (var key in Keys(keys, fingerprint))
            {
                _byKey.TryAdd(key, (row, customerId));
            }
        }

        private static IEnumerable<string> Keys(DuplicateKeys.Keys keys, string? fingerprint) =>
            [.. keys.Phones.Select(p => "phone:" + p), .. new[] { keys.Identity, fingerprint }.OfType<string>().Select(k => "other:" + k)];
    }
}
