using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace CrmPlatform.Bench;

/// <summary>An export of every customer: one long request, timed, with the host's resident memory sampled while it streams.</summary>
/// <param name="Rows">Data rows received (CSV only: an xlsx is compressed).</param>
internal sealed record ExportResult(string Format, long? Rows, long Bytes, double Seconds, double? RssBeforeMegabytes, double? RssPeakMegabytes, bool Succeeded);

internal static class Exports
{
    public static async Task<ExportResult> RunAsync(string host, Caller caller, string format, int? hostPid)
    {
        // An export of a million rows outlasts HttpClient's default 100 s.
        using var http = new HttpClient { BaseAddress = new Uri(host), Timeout = Timeout.InfiniteTimeSpan };
        var before = Resident.Megabytes(hostPid);
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Resident.Max(peak, Resident.Megabytes(hostPid));
                await Task.Delay(50, CancellationToken.None);
            }
        });

        var watch = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/customers/export?format={format}&language=zh-CN")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", caller.Token) },
        };
        long bytes = 0, lines = 0;
        bool succeeded;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            succeeded = response.IsSuccessStatusCode;
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            int read;
            while (succeeded && (read = await body.ReadAsync(buffer)) > 0)
            {
                bytes += read;
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }
        }
        catch (HttpRequestException)
        {
            // The server broke the stream off: a failed export, reported as such.
            succeeded = false;
        }

        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        return new ExportResult(format, format == "csv" ? Math.Max(0, lines - 1) : null, bytes, watch.Elapsed.TotalSeconds, before, peak, succeeded);
    }

    public static string Describe(ExportResult export) => string.Format(
        CultureInfo.InvariantCulture,
        "export {0,-4} {1,10} rows {2,8:0.0} MB in {3,6:0.0} s; host RSS {4:0} MB before, {5:0} MB at most while streaming{6}",
        export.Format, export.Rows?.ToString("N0", CultureInfo.InvariantCulture) ?? "-", export.Bytes / 1048576.0, export.Seconds,
        export.RssBeforeMegabytes, export.RssPeakMegabytes, export.Succeeded ? string.Empty : "  FAILED: not 2xx");
}

/// <summary>A process's resident memory (VmRSS) now; null when it is not known.</summary>
internal static class Resident
{
    public static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    public static double? Megabytes(int? pid) =>
        pid is { } id && File.Exists($"/proc/{id}/status")
            ? File.ReadLines($"/proc/{id}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
                .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).FirstOrDefault()
            : null;
}
