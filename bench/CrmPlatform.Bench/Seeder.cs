using System.Diagnostics;
using Npgsql;

namespace CrmPlatform.Bench;

/// <summary>
/// Loads the data set in SQL, not through the API: users and teams, then customers in parallel
/// chunks with the table's secondary indexes dropped and rebuilt afterwards (one build is far
/// cheaper than a million index inserts), then VACUUM ANALYZE so plans see real statistics.
/// </summary>
internal static class Seeder
{
    public static async Task SeedAsync(NpgsqlDataSource database, int customers, int parallelism)
    {
        var started = Stopwatch.StartNew();
        await ExecuteAsync(database, Sql("users.sql"));

        var indexes = new List<(string Name, string Definition)>();
        await using (var query = database.CreateCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'customers' AND tablename = 'customers' AND indexname <> 'pk_customers'"))
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
        Console.WriteLine($"  {customers:N0} customers inserted in {started.Elapsed.TotalSeconds:0.0} s; building {indexes.Count} indexes");

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
        await ExecuteAsync(database, "VACUUM ANALYZE customers.customers");
        Console.WriteLine($"  seeded in {started.Elapsed.TotalSeconds:0.0} s");
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
