using System.Net;
using System.Net.Http.Json;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Complaints.Features;
using static CrmPlatform.Complaints.Tests.ComplaintRequests;

namespace CrmPlatform.Complaints.Tests;

/// <summary>标准回答: one wording for everyone, searched in Chinese, revised in editions, and counted where it was given.</summary>
public sealed class StandardAnswerTests(CrmApp app) : IClassFixture<CrmApp>
{
    private static object Answer(string question, string answer, string? product = null, string? causeKey = null, bool active = true) =>
        new { question, answer, product, causeKey, active };

    private static async Task<List<StandardAnswerDto>> SearchAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/v1/complaints/answers?{query}")).ReadAsync<List<StandardAnswerDto>>();

    [Fact]
    public async Task Service_staff_and_managers_write_answers_that_everyone_finds_by_one_or_two_chinese_characters_or_longer_words()
    {
        var service = await app.LoginAsync(DemoUsers.Service);
        var manager = await app.LoginAsync(DemoUsers.ManagerEast);
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var leak = await (await service.PostJsonAsync("/api/v1/complaints/answers", Answer("瓶盖鳌漏怎么办？", "先致歉，拍照留证，48 小时内补发新品并上门回收渗漏品。", "500ml Classic", "productQuality")))
            .ReadAsync<StandardAnswerDto>(HttpStatusCode.Created);
        leak.Should().BeEquivalentTo(new { Edition = 1, UsageCount = 0, Active = true, Product = "500ml Classic", CauseKey = "productQuality", UpdatedByName = "陈静" });
        var late = await (await manager.PostJsonAsync("/api/v1/complaints/answers", Answer("到货鳌晚了谁负责？", "由我方承担延误责任，按合同约定赔付运费。", causeKey: "delivery")))
            .ReadAsync<StandardAnswerDto>(HttpStatusCode.Created);
        (await rep.PostJsonAsync("/api/v1/complaints/answers", Answer("业务员能写吗", "不能"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await SearchAsync(rep, "q=鳌")).Select(a => a.Id).Should().BeEquivalentTo([leak.Id, late.Id]);
        (await SearchAsync(rep, "q=鳌漏")).Select(a => a.Id).Should().Equal(leak.Id);
        (await SearchAsync(rep, "q=上门回收")).Select(a => a.Id).Should().Equal(leak.Id);
        (await SearchAsync(rep, "q=500ML classic")).Select(a => a.Id).Should().Equal(leak.Id);
        (await SearchAsync(rep, "q=鳌&cause=delivery")).Select(a => a.Id).Should().Equal(late.Id);
        (await SearchAsync(rep, "q=鳌&product=500ml classic")).Select(a => a.Id).Should().Equal(leak.Id);
        (await SearchAsync(rep, "q=鳌鳌")).Should().BeEmpty();

        await (await service.PostJsonAsync("/api/v1/complaints/answers", Answer(" ", "x"))).ShouldHaveFieldErrorAsync("question");
        await (await service.PostJsonAsync("/api/v1/complaints/answers", Answer("q", new string('字', 4001)))).ShouldHaveFieldErrorAsync("answer");
        await (await service.PostJsonAsync("/api/v1/complaints/answers", Answer("q", "a", causeKey: "noSuchCause"))).ShouldHaveFieldErrorAsync("causeKey", HttpStatusCode.UnprocessableEntity);
        await (await rep.GetAsync("/api/v1/complaints/answers?limit=0")).ShouldHaveFieldErrorAsync("limit");
        (await rep.GetAsync($"/api/v1/complaints/answers/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task New_words_make_a_new_edition_kept_with_the_old_ones_and_retiring_takes_an_answer_off_the_offered_list()
    {
        var service = await app.LoginAsync(DemoUsers.Service);
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var first = await (await service.PostJsonAsync("/api/v1/complaints/answers", Answer("发票鲲错了怎么处理？", "三个工作日内重开发票。", causeKey: "priceBilling")))
            .ReadAsync<StandardAnswerDto>(HttpStatusCode.Created);

        (await rep.SendWithIfMatchAsync(HttpMethod.Put, $"/api/v1/complaints/answers/{first.Id}", Answer("发票鲲错了怎么处理？", "不改"), first.Version))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await service.PutAsJsonAsync($"/api/v1/complaints/answers/{first.Id}", Answer("发票鲲错了怎么处理？", "两个工作日内重开发票并快递寄出。")))
            .StatusCode.Should().Be(HttpStatusCode.PreconditionRequired);
        var second = await (await service.SendWithIfMatchAsync(HttpMethod.Put, $"/api/v1/complaints/answers/{first.Id}",
            Answer("发票鲲错了怎么处理？", "两个工作日内重开发票并快递寄出。", causeKey: "priceBilling"), first.Version)).ReadAsync<StandardAnswerDto>();
        second.Should().BeEquivalentTo(new { Edition = 2, Answer = "两个工作日内重开发票并快递寄出。" });
        (await service.SendWithIfMatchAsync(HttpMethod.Put, $"/api/v1/complaints/answers/{first.Id}", Answer("发票鲲错了", "旧版本上改"), first.Version))
            .StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);

        // Retiring changes no words: no new edition.
        var retired = await (await service.SendWithIfMatchAsync(HttpMethod.Put, $"/api/v1/complaints/answers/{first.Id}",
            Answer("发票鲲错了怎么处理？", "两个工作日内重开发票并快递寄出。", causeKey: "priceBilling", active: false), second.Version)).ReadAsync<StandardAnswerDto>();
        retired.Should().BeEquivalentTo(new { Edition = 2, Active = false });
        (await SearchAsync(rep, "q=鲲&active=true")).Should().BeEmpty();
        (await SearchAsync(rep, "q=鲲&active=false")).Select(a => a.Id).Should().Equal(first.Id);

        var editions = await (await rep.GetAsync($"/api/v1/complaints/answers/{first.Id}/editions")).ReadAsync<List<StandardAnswerEditionDto>>();
        editions.Select(e => (e.Edition, e.Answer, e.ByName)).Should().Equal((2, "两个工作日内重开发票并快递寄出。", "陈静"), (1, "三个工作日内重开发票。", "陈静"));
        await (await service.PostJsonAsync("/api/v1/complaints/answers", new { question = (string?)null, answer = "a" })).ShouldHaveFieldErrorAsync("question");
    }

    [Fact]
    public async Task Six_revisions_at_the_same_version_make_one_edition_and_five_412s()
    {
        var service = await app.LoginAsync(DemoUsers.Service);
        var answer = await (await service.PostJsonAsync("/api/v1/complaints/answers", Answer("同时修改鲽", "第一版"))).ReadAsync<StandardAnswerDto>(HttpStatusCode.Created);
        var statuses = await Task.WhenAll(Enumerable.Range(1, 6).Select(async i =>
            (await service.SendWithIfMatchAsync(HttpMethod.Put, $"/api/v1/complaints/answers/{answer.Id}", Answer("同时修改鲽", $"第二版之{i}"), answer.Version)).StatusCode));
        statuses.Count(s => s == HttpStatusCode.OK).Should().Be(1);
        statuses.Count(s => s == HttpStatusCode.PreconditionFailed).Should().Be(5);
        (await (await service.GetAsync($"/api/v1/complaints/answers/{answer.Id}/editions")).ReadAsync<List<StandardAnswerEditionDto>>()).Select(e => e.Edition).Should().Equal(2, 1);
    }

    [Fact]
    public async Task An_answer_given_in_a_complaint_is_linked_once_with_its_edition_and_counts_the_complaints_it_was_used_in()
    {
        var service = await app.LoginAsync(DemoUsers.Service);
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var answer = await (await service.PostJsonAsync("/api/v1/complaints/answers", Answer("包装鹬破损能退吗？", "可以退换，运费由我方承担。", causeKey: "delivery")))
            .ReadAsync<StandardAnswerDto>(HttpStatusCode.Created);
        var customer = await rep.NewCustomerAsync("投诉 标准回答");
        var complaint = await rep.ReceiveAsync(Intake(customer.Id));
        var other = await rep.ReceiveAsync(Intake(customer.Id, title: "又一箱破损"));

        var answered = await rep.StepOkAsync(complaint, "answers", new { answerId = answer.Id });
        await (await rep.StepAsync(answered, "answers", new { answerId = answer.Id })).ShouldHaveFieldErrorAsync("answerId", HttpStatusCode.UnprocessableEntity);
        await (await rep.StepAsync(answered, "answers", new { answerId = Guid.NewGuid() })).ShouldHaveFieldErrorAsync("answerId", HttpStatusCode.UnprocessableEntity);
        await (await rep.StepAsync(answered, "answers", new { answerId = Guid.Empty })).ShouldHaveFieldErrorAsync("answerId");
        await rep.StepOkAsync(other, "answers", new { answerId = answer.Id });
        (await (await rep.GetAsync($"/api/v1/complaints/answers/{answer.Id}")).ReadAsync<StandardAnswerDto>()).UsageCount.Should().Be(2);

        // The complaint keeps the edition the customer heard, whatever the answer says later.
        var revised = await (await service.SendWithIfMatchAsync(HttpMethod.Put, $"/api/v1/complaints/answers/{answer.Id}",
            Answer("包装鹬破损能退吗？", "可以退换或补发，运费由我方承担。", causeKey: "delivery", active: false), answer.Version)).ReadAsync<StandardAnswerDto>();
        revised.Edition.Should().Be(2);
        var steps = await (await rep.GetAsync($"/api/v1/complaints/{complaint.Id}/steps")).ReadAsync<List<ComplaintStepDto>>();
        steps.Should().ContainSingle(s => s.Kind == ComplaintStepKind.AnswerUsed)
            .Which.Should().BeEquivalentTo(new { AnswerId = (Guid?)answer.Id, AnswerEdition = (int?)1, Note = "包装鹬破损能退吗？", ByName = "张伟" });

        var third = await rep.ReceiveAsync(Intake(customer.Id, title: "第三箱"));
        await (await rep.StepAsync(third, "answers", new { answerId = answer.Id })).ShouldHaveFieldErrorAsync("answerId", HttpStatusCode.UnprocessableEntity);
    }
}
