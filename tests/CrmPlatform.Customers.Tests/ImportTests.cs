using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Exchange;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using CrmPlatform.Customers.Features.Exchange;
using CrmPlatform.Customers.Jobs;
using CrmPlatform.Customers.Persistence;
using CrmPlatform.BuildingBlocks.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>
/// Importing a customer file in the background: every row reported (created, updated, skipped, failed with the
/// column and why), nothing half-written, no duplicate from a second run, within record scope, as the uploader.
/// </summary>
public sealed class ImportTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task A_chinese_csv_is_imported_row_by_row_and_a_second_run_creates_nothing()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var me = await rep.MeAsync();
        var tag = Unique("导入");
        var (phone1, phone2) = (Phone(), Phone());
        var csv = $"""
            名称,类型,电话,公司,标签,阶段,客情层次,生日,负责人,备注
            {tag} 茶庄,企业,{phone1},{tag}公司,茶友；VIP,意向客户,3,1970/5/6,张伟,忽略
            {tag} 李四,个人,{phone2},,,,,,,
            {tag} 电话错,个人,13x-bad,,,,,,,
            {tag} 类型错,集团,,,,,,,,
            {tag} 重复,个人,+86 {phone1},,,,,,,
            {tag} 只有名字,个人,,,,,,,,

            """;

        var first = await ImportAndWaitAsync(rep, "客户.csv", Encoding.UTF8.GetBytes(csv), language: "zh-CN");

        first.Status.Should().Be(ImportStatus.Completed);
        (first.TotalRows, first.RowsDone, first.Created, first.Updated, first.Skipped, first.Failed).Should().Be((6, 6, 3, 0, 1, 2));
        first.IgnoredColumns.Should().Equal("负责人", "备注");
        var rows = await RowsAsync(rep, first.Id);
        rows.Select(r => (r.Row, r.Outcome)).Should().Equal(
            (2, ImportOutcome.Created), (3, ImportOutcome.Created), (4, ImportOutcome.Failed), (5, ImportOutcome.Failed), (6, ImportOutcome.Skipped), (7, ImportOutcome.Created));
        rows[2].Column.Should().Be("电话");
        rows[2].Message.Should().Contain("电话只能包含数字");
        rows[3].Column.Should().Be("类型");
        rows[3].Message.Should().Contain("个人").And.Contain("企业");
        rows[4].Message.Should().Contain("第 2 行");
        rows[4].CustomerId.Should().Be(rows[0].CustomerId!.Value);

        var teaHouse = await (await rep.GetAsync($"{Url}/{rows[0].CustomerId}")).ReadAsync<CustomerDto>();
        teaHouse.Should().BeEquivalentTo(new
        {
            Name = $"{tag} 茶庄", Kind = CustomerKind.Company, Phone = phone1, Company = $"{tag}公司", Tags = new[] { "茶友", "VIP" },
            Stage = CustomerStage.Intent, RelationshipLevel = 3, Birthday = new DateOnly(1970, 5, 6), OwnerId = me.Id,
        });
        var history = await (await rep.GetAsync($"{Url}/{teaHouse.Id}/history")).ReadAsync<Page<AuditEntryDto>>();
        history.Items.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Action = AuditAction.Created, ChangedBy = me.Id });

        Guid[] created = [.. rows.Where(r => r.Outcome == ImportOutcome.Created).Select(r => r.CustomerId!.Value)];
        await Eventually.HoldsAsync(
            async () => await Sql.ScalarAsync<long>(app.ConnectionString, "SELECT count(*) FROM deals.customer_copies WHERE customer_id = ANY(@ids) AND owner_id = @owner", ("ids", created), ("owner", me.Id)) == 3,
            "the Deals module learns the imported customers from the batch's one event");

        var second = await ImportAndWaitAsync(rep, "客户.csv", Encoding.UTF8.GetBytes(csv), language: "zh-CN");

        (second.Created, second.Updated, second.Skipped, second.Failed).Should().Be((0, 0, 4, 2), "every customer of the file is there already, the name-only one too");
        var list = await (await rep.GetAsync($"{Url}?q={Uri.EscapeDataString(tag)}&limit=50")).ReadAsync<Page<CustomerSummaryDto>>();
        list.Items.Should().HaveCount(3);
    }

    [Fact]
    public async Task An_update_import_fills_in_the_customer_it_matches_and_reports_unchanged_rows_as_skipped()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var phone = Phone();
        var existing = await rep.CreateAsync(Unique("更新"), phone: phone);
        var workbook = await WorkbookAsync(
            ["Name", "Phone", "Hobbies", "Relationship level", "Region"],
            [existing.Name, phone, "Tea, fishing", "2", null],
            [existing.Name, phone, "Tea, fishing", "2", null]);

        var job = await ImportAndWaitAsync(rep, "update.xlsx", workbook, "mode=addNewAndUpdate", language: "en");

        (job.Created, job.Updated, job.Skipped, job.Failed).Should().Be((0, 1, 1, 0));
        var updated = await (await rep.GetAsync($"{Url}/{existing.Id}")).ReadAsync<CustomerDto>();
        updated.Should().BeEquivalentTo(new { Hobbies = "Tea, fishing", RelationshipLevel = 2, Region = existing.Region, Company = existing.Company });
        var again = await ImportAndWaitAsync(rep, "update.xlsx", workbook, "mode=addNewAndUpdate", language: "en");
        (again.Updated, again.Skipped).Should().Be((0, 2));
        (await RowsAsync(rep, again.Id))[0].Message.Should().Be("The customer is there already, with nothing to update.");
    }

    [Fact]
    public async Task Another_teams_customer_is_never_updated_nor_named_and_another_user_cannot_see_the_import()
    {
        var west = await app.LoginAsync(DemoUsers.RepWest);
        var phone = Phone();
        var theirs = await west.CreateAsync(Unique("西区"), phone: phone);
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var csv = $"Name,Phone,Hobbies\n{Unique("东区")},{phone},Golf\n";

        var job = await ImportAndWaitAsync(rep, "scope.csv", Encoding.UTF8.GetBytes(csv), "mode=addNewAndUpdate", language: "en");

        (job.Created, job.Updated, job.Skipped).Should().Be((0, 0, 1));
        var row = (await RowsAsync(rep, job.Id)).Single();
        row.CustomerId.Should().BeNull();
        row.Message.Should().Contain("outside your records");
        (await (await west.GetAsync($"{Url}/{theirs.Id}")).ReadAsync<CustomerDto>()).Hobbies.Should().BeNull();
        (await west.GetAsync($"{Url}/imports/{job.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await west.GetAsync($"{Url}/imports/{job.Id}/rows")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await west.GetFromJsonAsync<List<ImportJobDto>>($"{Url}/imports", Json.Options))!.Should().NotContain(j => j.Id == job.Id);
        (await rep.GetFromJsonAsync<List<ImportJobDto>>($"{Url}/imports", Json.Options))!.Should().Contain(j => j.Id == job.Id);
    }

    [Fact]
    public async Task A_csv_saved_by_excel_on_a_chinese_windows_is_read_as_gb18030()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var name = Unique("国标");
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

        var job = await ImportAndWaitAsync(rep, "gbk.csv", gb18030.GetBytes($"名称,爱好\r\n{name},喝茶\r\n"));

        job.Created.Should().Be(1);
        var customer = await (await rep.GetAsync($"{Url}/{(await RowsAsync(rep, job.Id))[0].CustomerId}")).ReadAsync<CustomerDto>();
        (customer.Name, customer.Hobbies).Should().Be((name, "喝茶"));
    }

    [Fact]
    public async Task An_exported_file_imports_back_as_the_same_customers()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var tag = Unique("往返");
        await rep.PostJsonAsync(Url, new { name = $"{tag} 茶庄", kind = "company", phone = "+86 571 8888 " + Random.Shared.Next(1000, 9999), tags = new[] { "茶友" }, stage = "loyal", birthday = "1970-05-06" });
        var export = await (await rep.GetAsync($"{Url}/export?q={Uri.EscapeDataString(tag)}&language=zh-CN")).Content.ReadAsByteArrayAsync();

        var job = await ImportAndWaitAsync(rep, "export.csv", export, "mode=addNewAndUpdate");

        (job.Created, job.Updated, job.Skipped, job.Failed).Should().Be((0, 0, 1, 0), "the exported phone ('+86…, defused for spreadsheets) is the same phone");
        job.IgnoredColumns.Should().Contain(["负责人", "创建时间"]);
    }

    [Fact]
    public async Task A_file_that_cannot_be_imported_is_a_400_naming_the_file()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        await (await UploadAsync(rep, "notes.txt", "名称\n张三\n"u8.ToArray())).ShouldHaveFieldErrorAsync("file");
        await (await UploadAsync(rep, "empty.csv", [])).ShouldHaveFieldErrorAsync("file");
        await (await UploadAsync(rep, "no-name.csv", "电话,公司\n138,x\n"u8.ToArray())).ShouldHaveFieldErrorAsync("file");
        await (await UploadAsync(rep, "only-header.csv", "名称,电话\n"u8.ToArray())).ShouldHaveFieldErrorAsync("file");
        await (await UploadAsync(rep, "twice.csv", "名称,Name\na,b\n"u8.ToArray())).ShouldHaveFieldErrorAsync("file");
        await (await UploadAsync(rep, "broken.xlsx", "not a zip"u8.ToArray())).ShouldHaveFieldErrorAsync("file");
        await (await UploadAsync(rep, "x.csv", "名称\n张三\n"u8.ToArray(), "mode=everything")).ShouldHaveFieldErrorAsync("mode");
        var otherField = await rep.PostAsync($"{Url}/imports", new MultipartFormDataContent { { new ByteArrayContent("名称\n张三\n"u8.ToArray()), "upload", "x.csv" } });
        await otherField.ShouldHaveFieldErrorAsync("file");
    }

    [Fact]
    public async Task A_retried_upload_is_the_same_import_and_another_file_under_its_key_is_422()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var key = Guid.NewGuid().ToString();
        var csv = Encoding.UTF8.GetBytes($"名称,电话\n{Unique("重试")},{Phone()}\n");

        // Each send is a new multipart body (a new boundary): the same form all the same.
        var first = await (await UploadAsync(rep, "客户.csv", csv, idempotencyKey: key)).ReadAsync<ImportJobDto>(HttpStatusCode.Accepted);
        var retry = await UploadAsync(rep, "客户.csv", csv, idempotencyKey: key);
        var other = await UploadAsync(rep, "客户.csv", [.. csv, .. "另一行\n"u8.ToArray()], idempotencyKey: key);

        (await retry.ReadAsync<ImportJobDto>(HttpStatusCode.Accepted)).Id.Should().Be(first.Id);
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        await other.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await (await rep.GetAsync($"{Url}/imports")).ReadAsync<List<ImportJobDto>>()).Count(j => j.Id == first.Id).Should().Be(1);
    }

    [Fact]
    public async Task A_file_larger_than_the_servers_default_request_limit_is_accepted()
    {
        // Kestrel refuses bodies over 30,000,000 bytes unless the endpoint raises its limit (the test server has
        // no such limit, so the endpoint's metadata is checked); 200,000 rows of a full profile take about 52 MB.
        var upload = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "Customers_Import");
        upload.Metadata.GetMetadata<IRequestSizeLimitMetadata>()!.MaxRequestBodySize.Should().BeGreaterThan(ImportLimits.FileBytes);
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var name = Unique("大文件");
        var remark = new string('备', 11_000_000);
        var csv = Encoding.UTF8.GetBytes($"名称,备注\n{name},{remark}\n");
        csv.Length.Should().BeGreaterThan(30_000_000);

        var job = await ImportAndWaitAsync(rep, "大客户表.csv", csv);

        (job.Status, job.Created).Should().Be((ImportStatus.Completed, 1));
    }

    [Fact]
    public async Task A_cell_with_a_control_character_fails_its_row_and_a_bad_header_fails_the_upload()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var name = Unique("控制");

        var job = await ImportAndWaitAsync(rep, "control.csv", Encoding.UTF8.GetBytes($"Name,Hobbies\n{name},tea\u0001time\n{name} ok,tea\n"), language: "en");

        (job.Status, job.Created, job.Failed).Should().Be((ImportStatus.Completed, 1, 1));
        (await RowsAsync(rep, job.Id))[0].Should().BeEquivalentTo(new { Outcome = ImportOutcome.Failed, Column = "Hobbies" });
        await (await UploadAsync(rep, "header.csv", Encoding.UTF8.GetBytes("Name,Bad\u0000Header\nx,y\n"))).ShouldHaveFieldErrorAsync("file");
    }

    [Fact]
    public async Task A_key_less_customer_archived_since_is_imported_again()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var file = Encoding.UTF8.GetBytes($"名称,电子邮箱\n{Unique("归档")},a@example.cn\n");
        var first = await ImportAndWaitAsync(rep, "keyless.csv", file);
        var customer = await (await rep.GetAsync($"{Url}/{(await RowsAsync(rep, first.Id))[0].CustomerId}")).ReadAsync<CustomerDto>();
        (await rep.ArchiveAsync(customer.Id, ETagOf(customer))).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var again = await ImportAndWaitAsync(rep, "keyless.csv", file);

        (again.Created, again.Skipped).Should().Be((1, 0));
    }

    [Fact]
    public async Task A_worker_that_lost_its_claim_keeps_nothing_of_its_batch()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var me = await rep.MeAsync();
        var finished = await ImportAndWaitAsync(rep, "claimed.csv", Encoding.UTF8.GetBytes($"名称\n{Unique("认领")}\n"));
        var late = Unique("迟到");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        var job = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == finished.Id);
        var layout = CustomerFileLayout.Of(["名称"]).Value;
        var batch = CustomerImporter.Prepare(job, layout, [new FileRow(3, [late])], scope.ServiceProvider.GetRequiredService<IValidator<CustomerInput>>(), new LoyaltyRule(3, CountReferrals: true), DateTimeOffset.UtcNow);
        using var actingAs = ActingUser.Assume(me.Id, me.TeamId, "rep");

        var write = () => scope.ServiceProvider.GetRequiredService<CustomerImporter>().WriteAsync(job, new ClaimedJob(job.Id, job.Attempts), layout, batch, new LoyaltyRule(3, CountReferrals: true), CancellationToken.None);

        await write.Should().ThrowAsync<ImportLeaseLostException>("the job is no longer this worker's (here: finished)");
        (await db.Customers.IgnoreQueryFilters().AnyAsync(c => c.Name == late)).Should().BeFalse();
        (await db.ImportRows.CountAsync(r => r.JobId == job.Id)).Should().Be(1);
    }

    [Fact]
    public async Task The_template_has_every_column_an_import_reads()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var template = await rep.GetStringAsync($"{Url}/imports/template?language=en");

        template.TrimStart('\uFEFF').TrimEnd().Should().StartWith("Name,Kind,Phone,Other numbers").And.EndWith("Relationship level");
    }

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    private static string Phone() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    private static async Task<byte[]> WorkbookAsync(params string?[][] rows)
    {
        using var file = new MemoryStream();
        await using (var table = await TableWriter.CreateAsync(TableFormat.Xlsx, file, "Customers", CancellationToken.None))
        {
            foreach (var row in rows)
            {
                await table.WriteRowAsync(row, CancellationToken.None);
            }

            await table.CompleteAsync(CancellationToken.None);
        }

        return file.ToArray();
    }

    private static Task<HttpResponseMessage> UploadAsync(
        HttpClient client, string fileName, byte[] content, string query = "", string? language = null, string? idempotencyKey = null)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Url}/imports?{query}") { Content = new MultipartFormDataContent { { file, "file", fileName } } };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    private static async Task<ImportJobDto> ImportAndWaitAsync(HttpClient client, string fileName, byte[] content, string query = "", string? language = null)
    {
        var queued = await (await UploadAsync(client, fileName, content, query, language)).ReadAsync<ImportJobDto>(HttpStatusCode.Accepted);
        var job = queued;
        await Eventually.HoldsAsync(
            async () => (job = await (await client.GetAsync($"{Url}/imports/{queued.Id}")).ReadAsync<ImportJobDto>()).Status is ImportStatus.Completed or ImportStatus.Failed,
            "the import finishes");
        return job;
    }

    private static async Task<IReadOnlyList<ImportRowDto>> RowsAsync(HttpClient client, Guid importId) =>
        (await (await client.GetAsync($"{Url}/imports/{importId}/rows?limit=200")).ReadAsync<Page<ImportRowDto>>()).Items;
}
