using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CrmPlatform.Bench;

/// <summary>The terminal table (a row as each request kind finishes) and the JSON results file.</summary>
internal sealed class Report(Options options)
{
    private static readonly CompositeFormat Row = CompositeFormat.Parse("{0,-26} {1,-13} {2,9} {3,8} {4,8} {5,8} {6,7} | {7,9} {8,8} | {9,7} {10,7}");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { WriteIndented = true };
    private readonly List<object> _rows = [];
    private readonly List<ExportResult> _exports = [];
    private readonly List<ImportResult> _imports = [];

    public int Failures { get; private set; }

    public static void PrintHeader()
    {
        Console.WriteLine();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, Row,
            "request", "caller", "req/s", "p50 ms", "p95 ms", "p99 ms", "non-2xx", "floor r/s", "floor p95", "x req/s", "x p95"));
        Console.WriteLine(new string('-', 128));
    }

    public void Add(BenchRequest request, LoadResult product, LoadResult floor)
    {
        var throughputRatio = floor.RequestsPerSecond == 0 ? 0 : product.RequestsPerSecond / floor.RequestsPerSecond;
        var p95Ratio = floor.P95Us == 0 ? 0 : (double)product.P95Us / floor.P95Us;
        var failed = !product.AllSucceeded || !floor.AllSucceeded;
        Failures += failed ? 1 : 0;
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, Row,
            request.Name, request.Caller.Label, product.RequestsPerSecond.ToString("0", CultureInfo.InvariantCulture),
            Ms(product.P50Us), Ms(product.P95Us), Ms(product.P99Us), product.Non2xx + product.SocketErrors + product.Timeouts,
            floor.RequestsPerSecond.ToString("0", CultureInfo.InvariantCulture), Ms(floor.P95Us),
            throughputRatio.ToString("0.00", CultureInfo.InvariantCulture), p95Ratio.ToString("0.00", CultureInfo.InvariantCulture))
            + (failed ? "  FAILED: not every request answered 2xx" : string.Empty));
        _rows.Add(new
        {
            request = request.Name,
            caller = request.Caller.Label,
            product,
            floor,
            ratio = new { requestsPerSecond = Math.Round(throughputRatio, 3), p95 = Math.Round(p95Ratio, 3) },
            allSucceeded = !failed,
        });
    }

    public void Add(ExportResult export)
    {
        Failures += export.Succeeded ? 0 : 1;
        _exports.Add(export);
        Console.WriteLine(Exports.Describe(export));
    }

    public void Add(ImportResult import)
    {
        Failures += import.Succeeded ? 0 : 1;
        _imports.Add(import);
        Console.WriteLine(Imports.Describe(import));
    }

    public void Finish(double? hostPeakRssMegabytes, double? floorPeakRssMegabytes)
    {
        Console.WriteLine(new string('-', 128));
        Console.WriteLine($"host peak RSS {hostPeakRssMegabytes:0} MB, floor peak RSS {floorPeakRssMegabytes:0} MB; " +
                          $"{_rows.Count + _exports.Count + _imports.Count - Failures} of {_rows.Count + _exports.Count + _imports.Count} request kinds answered only 2xx");
        var results = new
        {
            measuredAt = DateTimeOffset.UtcNow,
            customers = options.Customers,
            warmupSeconds = options.Warmup.TotalSeconds,
            durationSeconds = options.Duration.TotalSeconds,
            options.Threads,
            options.Connections,
            processors = Environment.ProcessorCount,
            smoke = options.Smoke,
            hostPeakRssMegabytes,
            floorPeakRssMegabytes,
            passed = _rows.Count + _exports.Count + _imports.Count - Failures,
            failed = Failures,
            requests = _rows,
            exports = _exports,
            imports = _imports,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Results))!);
        File.WriteAllText(options.Results, JsonSerializer.Serialize(results, Json));
        Console.WriteLine($"results: {options.Results}");
    }

    private static string Ms(long microseconds) => (microseconds / 1000.0).ToString("0.00", CultureInfo.InvariantCulture);
}
