using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CrmPlatform.Bench;

/// <summary>One run of an import: from the upload to the status "completed", with what it did.</summary>
internal sealed record ImportResult(string Run, int Rows, double Seconds, int Created, int Updated, int Skipped, int Failed, double? RssPeakMegabytes, bool Succeeded);

/// <summary>
/// A rep imports a file of new customers with a full profile (Chinese headers), then the same file again: the
/// first run must create every row, the second none. Both are timed from the upload until the status reads
/// completed; the host's resident memory is sampled meanwhile.
/// </summary>
internal static class Imports
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public static async Task<IReadOnlyList<ImportResult>> RunAsync(string host, Caller caller, int rows, int? hostPid)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
        var file = File(rows);
        return
        [
            await RunOnceAsync(http, "first", file, rows, expectCreated: rows, hostPid),
            await RunOnceAsync(http, "same file again", file, rows, expectCreated: 0, hostPid),
        ];
    }

    public static string Describe(ImportResult import) => string.Format(
        CultureInfo.InvariantCulture,
        "import {0,-16} {1,8} rows in {2,6:0.0} s ({3,6:0} rows/s): created {4:N0}, updated {5:N0}, skipped {6:N0}, failed {7:N0}; host RSS {8:0} MB at most{9}",
        import.Run, import.Rows.ToString("N0", CultureInfo.InvariantCulture), import.Seconds, import.Rows / import.Seconds,
        import.Created, import.Updated, import.Skipped, import.Failed, import.RssPeakMegabytes,
        import.Succeeded ? string.Empty : "  FAILED: not what the run must do");

    private static async Task<ImportResult> RunOnceAsync(HttpClient http, string run, byte[] file, int rows, int expectCreated, int? hostPid)
    {
        var peak = Resident.Megabytes(hostPid);
        var watch = Stopwatch.StartNew();
        using var content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "bench-import.csv" } };
        using var upload = await http.PostAsync("/api/v1/customers/imports", content);
        if (!upload.IsSuccessStatusCode)
        {
            return new ImportResult(run, rows, watch.Elapsed.TotalSeconds, 0, 0, 0, 0, peak, Succeeded: false);
        }

        var id = (await upload.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        JsonObject status;
        do
        {
            await Task.Delay(Poll);
            peak = Resident.Max(peak, Resident.Megabytes(hostPid));
            status = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/customers/imports/{id}"))!;
        }
        while (status["status"]!.GetValue<string>() is "queued" or "running");

        watch.Stop();
        int Count(string name) => status[name]!.GetValue<int>();
        var succeeded = status["status"]!.GetValue<string>() == "completed" && Count("created") == expectCreated && Count("failed") == 0
            && Count("created") + Count("updated") + Count("skipped") == rows;
        return new ImportResult(run, rows, watch.Elapsed.TotalSeconds, Count("created"), Count("updated"), Count("skipped"), Count("failed"), peak, succeeded);
    }

    /// <summary>New customers with every profile column filled; phones start with 16, which the seeded customers' never do.</summary>
    private static byte[] File(int rows)
    {
        var salt = Random.Shared.Next(0, 10_000);
        var csv = new StringBuilder("名称,类型,电话,电子邮箱,公司,职位,地址,地区,行业,客户来源,标签,性别,生日,职业,收入水平,爱好,性格,家庭情况,阶段,重要程度,联系优先级,客情层次\n");
        for (var i = 0; i < rows; i++)
        {
            var serial = ((long)salt * rows + i) % 1_000_000_000;
            csv.Append(CultureInfo.InvariantCulture,
                $"导入客户{salt}-{i},{(i % 3 == 0 ? "企业" : "个人")},16{serial:D9},import{salt}-{i}@example.cn,导入{salt}贸易{i % 5000}号公司,采购经理,杭州市西湖区文三路{i % 999}号,浙江,零售,展会,导入;茶友,{(i % 2 == 0 ? "男" : "女")},19{70 + i % 30}-0{1 + i % 9}-1{i % 9},店主,1万–2万元/月,喝茶,爽快,已婚,意向客户,一般,优先,{1 + i % 4}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
