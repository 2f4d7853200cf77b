using System.Diagnostics;
using Npgsql;

namespace CrmPlatform.Bench;

/// <summary>
/// Loads the data set in SQL, not through the API: users and teams, then customers, their contacts
/// and their timelines (five entries per customer on average) in parallel chunks, with the tables'
/// secondary indexes dropped and rebuilt afterwards (one build is far cheaper than millions of index
/// inserts), then VACUUM ANALYZE so plans see real statistics; last, Deals' copy of the customers, a
/// year of deals (deals.sql), this year's revenue targets split down to every member's months (targets.sql), and a year
/// of every member's visit plans, visits and daily reports (visits.sql).
/// </summary>
internal static class Seeder
{
    public static async Task SeedAsync(NpgsqlDataSource database, int customers, int parallelism)
    {
        var started = Stopwatch.StartNew();
        await ExecuteAsync(database, Sql("users.sql"));

        var indexes = new List<(string Name, string Definition)>();
        await using (var query = database.CreateCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'customers' AND tablename IN ('customers', 'contacts', 'interactions') AND indexname NOT LIKE 'pk\\_%'"))
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(database, $"DROP INDEX customers.{name}");
        }

        var chunk = (customers + parallelism - 1) / parallelism;
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(async part =>
        {
            var from = part * chunk;
            var to = Math.Min(customers, from + chunk) - 1;
            if (from <= to)
            {
                await ExecuteAsync(database, Sql("customers.sql"), ("seed", 0.1 + (part * 0.01)), ("from", from), ("to", to));
            }
        }));
        Console.WriteLine($"  {customers:N0} customers inserted in {started.Elapsed.TotalSeconds:0.0} s");
        foreach (var script in new[] { "contacts.sql", "interactions.sql" })
        {
            await Task.WhenAll(Enumerable.Range(0, parallelism).Select(part =>
                ExecuteAsync(database, Sql(script), ("seed", 0.2 + (part * 0.01)), ("part", part), ("parts", parallelism))));
        }

        // What ContactSearch keeps on each customer, set-based (customers.contact_search() per row would scan the contacts,
        // whose indexes are dropped until the end).
        await ExecuteAsync(database, """
            UPDATE customers.customers c SET contact_search = k.text
            FROM (SELECT customer_id, string_agg(customers.search_text(name, NULL, phone, NULL), E'\n' ORDER BY id) AS text
                  FROM customers.contacts GROUP BY customer_id) AS k
            WHERE k.customer_id = c.id
            """);
        // The rows in id order, as years of the API's inserts leave them (an id is made when its row is written): the seed
        // makes ids from random creation times, and the update above moved the customers with contacts to the end.
        await ExecuteAsync(database, "CLUSTER customers.customers USING pk_customers");
        await ExecuteAsync(database, Sql("activity.sql"));
        Console.WriteLine($"  {await CountAsync(database, "contacts"):N0} contacts and {await CountAsync(database, "interactions"):N0} timeline entries " +
                          $"inserted by {started.Elapsed.TotalSeconds:0.0} s; building {indexes.Count} indexes");

        var queue = new Queue<string>(indexes.Select(i => i.Definition));
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(async _ =>
        {
            await using var connection = await database.OpenConnectionAsync();
            await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '512MB'", connection))
            {
                await memory.ExecuteNonQueryAsync();
            }

            while (true)
            {
                string? definition;
                lock (queue)
                {
                    if (!queue.TryDequeue(out definition))
                    {
                        return;
                    }
                }

                await using var build = new NpgsqlCommand(definition, connection) { CommandTimeout = 0 };
                await build.ExecuteNonQueryAsync();
            }
        }));
        await ExecuteAsync(database, "VACUUM ANALYZE customers.customers, customers.contacts, customers.interactions, customers.customer_activity");
        var (open, closed) = DealCounts(customers);
        await ExecuteAsync(database, Sql("deals.sql"), ("open", open), ("closed", closed));
        Console.WriteLine($"  {open:N0} open and {closed:N0} closed deals inserted by {started.Elapsed.TotalSeconds:0.0} s");
        await ExecuteAsync(database, Sql("targets.sql"));
        await ExecuteAsync(database, Sql("visits.sql"));
        Console.WriteLine($"  {await CountAsync(database, "visits.visit_records"):N0} visits of a year of plans and daily reports inserted by {started.Elapsed.TotalSeconds:0.0} s");
        await ExecuteAsync(database, Sql("complaints.sql"), ("complaints", customers / 10));
        Console.WriteLine($"  {await CountAsync(database, "complaints.complaints"):N0} complaints of a year inserted; seeded in {started.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>The board's 5,000 open deals and a year of 75,000 closed ones at full scale; fewer for a small (smoke) data set.</summary>
    public static (int Open, int Closed) DealCounts(int customers) => (Math.Min(5_000, Math.Max(10, customers / 2)), Math.Min(75_000, customers));

    private static async Task<long> CountAsync(NpgsqlDataSource database, string table)
    {
        await using var command = database.CreateCommand($"SELECT count(*) FROM {(table.Contains('.', StringComparison.Ordinal) ? table : "customers." + table)}");
        command.CommandTimeout = 0;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = database.CreateCommand(sql);
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static string Sql(string file)
    {
        using var stream = typeof(Seeder).Assembly.GetManifestResourceStream($"CrmPlatform.Bench.Seed.{file}")
            ?? throw new InvalidOperationException($"Embedded seed script {file} is missing.");
        return new StreamReader(stream).ReadToEnd();
    }
}
