using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>Exporting the customers a filter finds, as CSV or Excel, in the reader's language, within record scope.</summary>
public sealed class ExportTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task A_csv_export_has_the_filtered_customers_in_chinese_with_a_bom_and_defused_formulas()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var tag = "导出" + Guid.NewGuid().ToString("N")[..6];
        await rep.PostJsonAsync(Url, new
        {
            name = $"{tag} 茶庄", kind = "company", phone = "+86 571 8888 1111", otherPhones = new[] { "0571-8888 2222" },
            tags = new[] { "茶友", "VIP" }, stage = "loyal", importance = "key", relationshipLevel = 3, birthday = "1970-05-06",
        });
        await rep.PostJsonAsync(Url, new { name = $"=HYPERLINK(\"http://evil.example\") {tag}", kind = "person" });
        await (await app.LoginAsync(DemoUsers.RepWest)).PostJsonAsync(Url, new { name = $"{tag} 西区", kind = "person" });

        var response = await GetAsync(rep, $"{Url}/export?q={Uri.EscapeDataString(tag)}&sort=name", "zh-CN");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.Should().MatchRegex(@"^customers-\d{8}\.csv$");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3, "the header and the rep's two customers, not the other team's");
        lines[0].Should().StartWith("名称,类型,电话,备用号码,电子邮箱,公司");
        lines[0].Should().Contain("阶段,重要程度,联系优先级,客情层次,价值分级,负责人");
        lines[1].Should().StartWith("\"'=HYPERLINK(");
        lines[2].Should().StartWith($"{tag} 茶庄,企业,\"'+86 571 8888 1111\",0571-8888 2222,");
        lines[2].Should().Contain("茶友; VIP").And.Contain("1970-05-06").And.Contain("忠诚客户,重要,一般,3,未评级,张伟");
    }

    [Fact]
    public async Task An_excel_export_in_english_is_a_workbook_with_the_rows()
    {
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var tag = "Export" + Guid.NewGuid().ToString("N")[..6];
        await rep.PostJsonAsync(Url, new { name = $"{tag} Tea House", kind = "company", stage = "intent" });
        await rep.PostJsonAsync(Url, new { name = $"{tag} Other Stage", kind = "person" });

        // A language tag in any case (BCP 47).
        var response = await GetAsync(manager, $"{Url}/export?format=xlsx&language=EN&stage=intent&q={tag}", "zh-CN");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = await reader.ReadToEndAsync();
        xml.Should().Contain("Name").And.Contain("Relationship level").And.Contain($"{tag} Tea House").And.Contain("Intent");
        xml.Should().NotContain("Other Stage");
    }

    [Fact]
    public async Task An_export_of_more_rows_than_a_chunk_has_every_row_once_in_the_lists_order()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var me = await rep.MeAsync();
        var tag = "Chunk" + Guid.NewGuid().ToString("N")[..6];
        await Sql.ExecuteAsync(
            app.ConnectionString,
            """
            INSERT INTO customers.customers (id, name, kind, stage, importance, priority_tier, relationship_level, other_phones, tags, owner_id, team_id, created_at, updated_at, assigned_at)
            SELECT gen_random_uuid(), @tag || ' ' || lpad(i::text, 4, '0'), 'Person', 'Prospect', 'General', 'General', 1, '{}', '{}', @owner, @team, now(), now(), now()
            FROM generate_series(1, 2345) AS i
            """,
            ("tag", tag), ("owner", me.Id), ("team", me.TeamId));

        var response = await GetAsync(rep, $"{Url}/export?q={tag}&sort=nameDescending", "en");

        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Skip(1).Select(l => l.Split(',')[0]).Should().Equal(Enumerable.Range(1, 2345).Reverse().Select(i => $"{tag} {i:0000}"));
    }

    [Theory]
    [InlineData("format=pdf", "format")]
    [InlineData("language=fr", "language")]
    [InlineData("limit=10", "limit")]
    public async Task A_bad_export_request_is_400_naming_the_parameter(string query, string field)
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        await (await rep.GetAsync($"{Url}/export?{query}")).ShouldHaveFieldErrorAsync(field);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client.SendAsync(request);
    }
}
