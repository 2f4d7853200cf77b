using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmPlatform.Bench;
using Npgsql;

// The driver of ./crm bench (the script starts PostgreSQL, the host and the floor, then this):
// seeds the data set, logs in, loads every request kind with wrk against the product and then
// against the floor, prints the table with ratios and writes the results as JSON.
var options = Options.Parse(args);
await using var database = NpgsqlDataSource.Create(options.Database);
Console.WriteLine($"Seeding {options.Customers:N0} customers");
await Seeder.SeedAsync(database, options.Customers, Environment.ProcessorCount);

using var http = new HttpClient { BaseAddress = new Uri(options.Host) };
var director = await LogInAsync(http, "director", options.Password);
var manager = await LogInAsync(http, "manager.east", options.Password);
var rep = await LogInAsync(http, "rep.east", options.Password);
var writer = await LogInAsync(http, "rep.west", options.Password);
var (deepQuery, deepAfter) = await DeepPageAsync(http, director, pages: 20);
var data = new BenchData(
    director, manager, rep, writer,
    await IdsAsync(database, ownerId: null),
    await IdsAsync(database, rep.Id),
    deepQuery, deepAfter,
    await BodiesAsync(database),
    () => RowsAsync(database, writer.Id),
    new BenchTargets(
        await TargetIdAsync(database, "Company", null),
        await TargetIdAsync(database, "Team", manager.TeamId),
        await TargetIdAsync(database, "Rep", rep.Id)),
    await TeamIdsAsync(database));

var workDirectory = Directory.CreateTempSubdirectory("crm-bench-").FullName;
var wrk = new Wrk(options.Threads, options.Connections, workDirectory);
var requests = BenchRequests.All(data).Where(r => options.Only is null || r.Name.Contains(options.Only, StringComparison.Ordinal)).ToList();
var report = new Report(options);
Console.WriteLine($"Loading {requests.Count} request kinds: wrk {options.Threads} threads x {options.Connections} connections, " +
                  $"{options.Warmup.TotalSeconds:0} s warm-up + {options.Duration.TotalSeconds:0} s measured, product then floor");
// Reads first, writes after them: the customers a write creates would sit at the newest end of the
// table, in front of the rows a director's search pages from.
var header = false;
foreach (var kinds in requests.GroupBy(r => r.Product.Mode == Mode.Plain).OrderByDescending(g => g.Key))
{
    if (!options.Smoke)
    {
        // Steady state, not start-up, is what a server is judged by: one pass over the kinds first lets
        // tiered compilation finish its work on the code they share.
        Console.WriteLine($"Warming up: every {(kinds.Key ? "read" : "write")} kind once against both");
        foreach (var request in kinds)
        {
            await wrk.RunAsync(options.Host, request.Product, request.Caller, options.Warmup);
            await wrk.RunAsync(options.Floor, request.Floor, request.Caller, options.Warmup);
        }
    }

    if (!header)
    {
        Report.PrintHeader();
        header = true;
    }

    // The smoke run only checks that every kind answers 2xx: no warm-up before each measurement.
    foreach (var request in kinds)
    {
        if (!options.Smoke)
        {
            await wrk.RunAsync(options.Host, request.Product, request.Caller, options.Warmup);
        }

        var product = await wrk.RunAsync(options.Host, request.Product, request.Caller, options.Duration);
        if (!options.Smoke)
        {
            await wrk.RunAsync(options.Floor, request.Floor, request.Caller, options.Warmup);
        }

        var floor = await wrk.RunAsync(options.Floor, request.Floor, request.Caller, options.Duration);
        report.Add(request, product, floor);
    }
}

if (options.Only is null || "export".Contains(options.Only, StringComparison.Ordinal))
{
    foreach (var format in new[] { "csv", "xlsx" })
    {
        report.Add(await Exports.RunAsync(options.Host, director, format, options.HostPid));
    }
}

if (options.Only is null || "import".Contains(options.Only, StringComparison.Ordinal))
{
    // The issue's figure is 100,000 rows; the smoke run checks the same two runs on a thousand.
    foreach (var import in await Imports.RunAsync(options.Host, rep, options.Smoke ? 1_000 : 100_000, options.HostPid))
    {
        report.Add(import);
    }
}

Directory.Delete(workDirectory, recursive: true);
report.Finish(PeakRssMegabytes(options.HostPid), PeakRssMegabytes(options.FloorPid));
return report.Failures == 0 || !options.Smoke ? 0 : 1;

static async Task<Caller> LogInAsync(HttpClient http, string userName, string password)
{
    using var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
    login.EnsureSuccessStatusCode();
    var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
    using var answer = await http.SendAsync(me);
    answer.EnsureSuccessStatusCode();
    var profile = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
    return new Caller(userName, profile["role"]!.GetValue<string>(), profile["id"]!.GetValue<Guid>(), profile["teamId"]?.GetValue<Guid>(), token);
}

// Follows nextCursor through the first pages, as a client paging deep into the list would.
static async Task<(string Query, Guid AfterId)> DeepPageAsync(HttpClient http, Caller caller, int pages)
{
    var query = "limit=50";
    var lastId = Guid.Empty;
    for (var page = 0; page < pages; page++)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/customers?{query}") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", caller.Token) } };
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        lastId = body["items"]!.AsArray()[^1]!["id"]!.GetValue<Guid>();
        var cursor = body["nextCursor"]?.GetValue<string>() ?? throw new InvalidOperationException($"The data set has fewer than {pages + 1} pages.");
        query = $"limit=50&cursor={Uri.EscapeDataString(cursor)}";
    }

    return (query, lastId);
}

// A random sample of ids to get, of one owner or of anyone.
static async Task<IReadOnlyList<Guid>> IdsAsync(NpgsqlDataSource database, Guid? ownerId)
{
    var ids = new List<Guid>();
    await using var command = database.CreateCommand("SELECT id FROM customers.customers WHERE $1::uuid IS NULL OR owner_id = $1 ORDER BY random() LIMIT 2000");
    command.Parameters.Add(new NpgsqlParameter { Value = (object?)ownerId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        ids.Add(reader.GetGuid(0));
    }

    return ids;
}

// This year's revenue target of the company, a team or a rep, as targets.sql seeded it.
static async Task<Guid> TargetIdAsync(NpgsqlDataSource database, string level, Guid? subjectId)
{
    await using var command = database.CreateCommand(
        "SELECT id FROM deals.sales_targets WHERE kind = 'Revenue' AND period = 'Year' AND level = $1 AND subject_id IS NOT DISTINCT FROM $2 ORDER BY starts_on DESC LIMIT 1");
    command.Parameters.Add(new NpgsqlParameter { Value = level });
    command.Parameters.Add(new NpgsqlParameter { Value = (object?)subjectId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
    return (Guid)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No {level} target was seeded."));
}

// The teams whose weeks are compiled, in turn.
static async Task<IReadOnlyList<Guid>> TeamIdsAsync(NpgsqlDataSource database)
{
    await using var command = database.CreateCommand("SELECT id FROM identity.teams ORDER BY name");
    await using var reader = await command.ExecuteReaderAsync();
    var teams = new List<Guid>();
    while (await reader.ReadAsync())
    {
        teams.Add(reader.GetGuid(0));
    }

    return teams;
}

// Request bodies for writes: the fields of real rows, as the API takes them.
static async Task<IReadOnlyList<string>> BodiesAsync(NpgsqlDataSource database)
{
    var bodies = new List<string>();
    await using var command = database.CreateCommand(
        """
        SELECT json_build_object('name', name, 'kind', lower(kind), 'phone', phone, 'email', email, 'company', company,
          'position', position, 'region', region, 'industry', industry, 'stage', lower(stage))::text
        FROM customers.customers ORDER BY random() LIMIT 500
        """);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        bodies.Add(reader.GetString(0));
    }

    return bodies;
}

static async Task<IReadOnlyList<(Guid Id, uint Version)>> RowsAsync(NpgsqlDataSource database, Guid ownerId)
{
    var rows = new List<(Guid, uint)>();
    await using var command = database.CreateCommand(
        "SELECT id, xmin::text::bigint FROM customers.customers WHERE owner_id = $1 AND archived_at IS NULL ORDER BY id LIMIT 1000");
    command.Parameters.Add(new NpgsqlParameter { Value = ownerId });
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        rows.Add((reader.GetGuid(0), (uint)reader.GetInt64(1)));
    }

    return rows;
}

// VmHWM: the most resident memory the process has held since it started.
static double? PeakRssMegabytes(int? pid) =>
    pid is { } id && File.Exists($"/proc/{id}/status")
        ? File.ReadLines($"/proc/{id}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).FirstOrDefault()
        : null;

internal sealed record Options(
    string Host, string Floor, string Database, string Password, int Customers, TimeSpan Warmup, TimeSpan Duration,
    int Threads, int Connections, int? HostPid, int? FloorPid, string Results, bool Smoke, string? Only)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var smoke = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--smoke")
            {
                smoke = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");
        int Number(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        int? Pid(string name) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : null;
        return new Options(
            Required("host"), Required("floor"), Required("database"), Required("password"),
            Number("customers", 1_000_000), TimeSpan.FromSeconds(Number("warmup", 5)), TimeSpan.FromSeconds(Number("duration", 15)),
            Number("threads", 2), Number("connections", 16), Pid("host-pid"), Pid("floor-pid"), Required("results"), smoke,
            values.GetValueOrDefault("only"));
    }
}
