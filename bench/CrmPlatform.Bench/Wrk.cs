using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CrmPlatform.Bench;

/// <summary>Runs wrk with load.lua and a plan written for one target; returns what done() reported.</summary>
internal sealed class Wrk(int threads, int connections, string workDirectory)
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "load.lua");
    private int _runs;

    public async Task<LoadResult> RunAsync(string baseUrl, Target target, Caller caller, TimeSpan duration)
    {
        var plan = Path.Combine(workDirectory, $"plan-{++_runs}.lua");
        var rows = target.Rows is null ? [] : await RowsAfterSettlingAsync(target.Rows);
        await File.WriteAllTextAsync(plan, Plan(target, caller, rows, _runs));

        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["BENCH_PLAN"] = plan },
        };
        foreach (var argument in new[]
                 {
                     "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{Math.Max(1, (int)duration.TotalSeconds)}s", "--timeout", "5s", "-s", Script, baseUrl,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        var errors = await wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("BENCH_RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk reported no result (exit {wrk.ExitCode}): {output}{errors}");
        return JsonSerializer.Deserialize<LoadResult>(line["BENCH_RESULT ".Length..], JsonSerializerOptions.Web)!;
    }

    /// <summary>
    /// wrk stops at its deadline with requests still in flight, and the server finishes them: rows
    /// read at once could carry versions those writes are about to change (a 412 that is ours).
    /// </summary>
    private static async Task<IReadOnlyList<(Guid Id, uint Version)>> RowsAfterSettlingAsync(Func<Task<IReadOnlyList<(Guid Id, uint Version)>>> rows)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        return await rows();
    }

    private string Plan(Target target, Caller caller, IReadOnlyList<(Guid Id, uint Version)> rows, int run)
    {
        var isProduct = target.Paths[0].StartsWith("/api/", StringComparison.Ordinal);
        var plan = new StringBuilder("return {\n");
        plan.Append(CultureInfo.InvariantCulture, $"  method = {Lua(target.Method)},\n  mode = {Lua(target.Mode.ToString().ToLowerInvariant())},\n");
        plan.Append(CultureInfo.InvariantCulture, $"  threads = {threads},\n  nonce = {Lua(Guid.NewGuid().ToString("N"))},\n  run = {run},\n");
        plan.Append("  bodies = {\n");
        foreach (var body in target.Bodies ?? [])
        {
            plan.Append("    ").Append(Lua(body)).Append(",\n");
        }

        plan.Append("  },\n  headers = {\n");
        if (isProduct)
        {
            plan.Append(CultureInfo.InvariantCulture, $"    [\"Authorization\"] = {Lua("Bearer " + caller.Token)},\n");
        }

        if (target.Bodies is not null)
        {
            plan.Append("    [\"Content-Type\"] = \"application/json\",\n");
        }

        plan.Append("  },\n  paths = {\n");
        foreach (var path in target.Paths)
        {
            plan.Append("    ").Append(Lua(path)).Append(",\n");
        }

        plan.Append("  },\n  rows = {\n");
        foreach (var (id, version) in rows)
        {
            plan.Append(CultureInfo.InvariantCulture, $"    {{ \"{id}\", \"{version}\" }},\n");
        }

        return plan.Append("  },\n}\n").ToString();
    }

    /// <summary>A Lua long string: no escaping needed for JSON, URLs or tokens.</summary>
    private static string Lua(string value) => "[==[" + value + "]==]";
}

/// <summary>What wrk's done() printed; latencies in microseconds.</summary>
internal sealed record LoadResult(long Requests, long DurationUs, long Non2xx, long SocketErrors, long Timeouts, long P50Us, long P95Us, long P99Us, double MeanUs)
{
    public double RequestsPerSecond => DurationUs == 0 ? 0 : Requests * 1_000_000.0 / DurationUs;

    public bool AllSucceeded => Requests > 0 && Non2xx == 0 && SocketErrors == 0 && Timeouts == 0;
}
