using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.Complaints.Domain;
using CrmPlatform.Complaints.Features;
using CrmPlatform.Complaints.Persistence;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Contracts.Following;
using CrmPlatform.Identity.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Complaints.Seeding;

/// <summary>
/// The complaints desk at work on the first start (CRM_DEMO_HISTORY): the service staff's standard answers, and four
/// complaints of each demo rep's customers — one closed three weeks ago with its cause and prevention done, one resolved and
/// waiting for the customer's word, one critical past its promised time (the SLA watch records the breach on its first
/// round), one received this morning and not yet answered. Written through the domain, as the API would have written them;
/// each goes on its customer's timeline.
/// </summary>
internal sealed class ComplaintsDemoSeeder(
    ComplaintsDbContext db, IUserDirectory users, ICustomerDirectory customers, SlaClock sla, IOptions<DemoDataOptions> options, TimeProvider clock)
    : IDemoDataSeeder
{
    private static readonly string[] DemoReps = ["rep.east", "rep.west"];

    private static readonly StandardAnswerText[] Answers =
    [
        new("到货外箱破损、内瓶渗漏怎么处理？", "先向客户致歉，请客户拍照留证；24 小时内补发同批次新品，破损品由物流上门回收，运费由我方承担。", "500ml 系列", "delivery"),
        new("产品口味和以往不同，是不是质量有问题？", "登记批号并送质检复查，复查结果三个工作日内告知客户；复查期间可先换货，确认是质量问题的按合同赔付。", null, "productQuality"),
        new("发票开错了怎么办？", "两个工作日内作废重开并快递寄出；已认证的发票按红字发票流程处理，由财务专人跟进。", null, "priceBilling"),
        new("为什么这次价格比上次高？", "说明价格调整通知的文号和生效日期；调整生效前已确认的订单一律按原价执行。", null, "priceBilling"),
        new("送货员态度不好，怎么处理？", "先致歉，记下时间和送货员；物流主管当天回电，核实后处理并把结果告诉客户。", null, "serviceAttitude"),
        new("说明书看不懂，怎么使用？", "发送图文版使用说明，并约业务员上门演示一次。", null, "documentation"),
        new("到货晚了，影响了我们的促销怎么办？", "致歉并说明延误原因；按合同承担延误责任，下一批优先排产、优先配送。", null, "delivery"),
        new("促销返利什么时候到账？", "返利在活动结束次月 15 日前核算、20 日前到账，可在对账单中查询明细。", null, "priceBilling"),
    ];

    public int Order => 310;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.History || await db.Complaints.AnyAsync(cancellationToken) || await db.Answers.AnyAsync(cancellationToken))
        {
            return;
        }

        var service = await users.FindByUserNameAsync("service", cancellationToken);
        if (service is null)
        {
            return;
        }

        // All or nothing, so a failed start seeds again on the next; the customers' copies are locked as at intake.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetDatabaseUtcNow();
        var answers = Answers.Select((text, i) => StandardAnswer.Write(text, active: true, service.Id, now.AddDays(-30).AddMinutes(i))).ToList();
        db.Answers.AddRange(answers);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var repName in DemoReps)
        {
            // Only the demo reps, and only with their demo customers: a real organisation's people are never given a history.
            var rep = await users.FindByUserNameAsync(repName, cancellationToken);
            IReadOnlyList<CustomerCard> book = rep is null ? [] : await customers.OwnedByAsync(rep.Id, 4, cancellationToken);
            if (rep is null || book.Count == 0)
            {
                continue;
            }

            // A rep with fewer customers has more than one of these complaints from the same customer.
            CustomerCard Customer(int i) => book[i % book.Count];
            var complaints = new[]
            {
                await ClosedAsync(Customer(0), rep.Id, answers[0], now, cancellationToken),
                await AwaitingConfirmationAsync(Customer(1), rep.Id, answers[1], now, cancellationToken),
                await OverdueAsync(Customer(2), rep.Id, now, cancellationToken),
                await ReceiveAsync(Customer(3), rep.Id, ComplaintSeverity.Minor, "发票抬头写错", "客户财务来电：上月发票抬头少了“有限”二字，需要重开。", null, now.AddHours(-2), now, cancellationToken),
            };
            foreach (var complaint in complaints)
            {
                db.Publish(new RecordInteraction(
                    Guid.CreateVersion7(now), complaint.ReceivedAt, complaint.CustomerId, InteractionKind.Complaint, null, rep.Id, complaint.Title, null, null, ReceiveComplaintHandler.Source));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Three weeks ago: answered within the hour, a remedy (a goodwill gift for a key customer), the cause and its prevention done, closed.</summary>
    private async Task<Complaint> ClosedAsync(CustomerCard customer, Guid rep, StandardAnswer answer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var received = now.AddDays(-21);
        var c = await ReceiveAsync(customer, rep, ComplaintSeverity.Major, "到货外箱破损", "客户来电：两箱外箱压坏，其中六瓶渗漏，货架被弄脏。", "500ml 系列", received, now, cancellationToken);
        Done(c.Acknowledge(ComplaintChannel.Phone, null, rep, received.AddMinutes(40)));
        Done(c.Investigate(rep, received.AddHours(2)));
        Done(c.UseAnswer(answer, usedBefore: false, rep, received.AddHours(2)));
        Done(c.RecordCause("delivery", "承运商装卸粗暴，外箱强度不足", rep, received.AddHours(20)));
        var remedy = customer.Key
            ? new Resolution(ResolutionKind.GoodwillGift, "补发两箱新品，另赠送一箱作为补偿", 860)
            : new Resolution(ResolutionKind.ReturnOrRefund, "破损六瓶退款，上门回收", 120);
        Done(c.Propose(remedy, rep, received.AddHours(22)));
        Done(c.Resolve(rep, received.AddDays(2)));
        Done(c.PlanPrevention("更换承运商，外箱改用五层瓦楞纸", rep, DateOnly.FromDateTime(received.AddDays(14).UtcDateTime), rep, received.AddDays(2)));
        Done(c.Close("客户收到补货，表示满意", rep, received.AddDays(3)));
        Done(c.CompletePrevention(rep, received.AddDays(12)));
        return c;
    }

    /// <summary>Last week: the remedy carried out, waiting for the customer to say it satisfied them.</summary>
    private async Task<Complaint> AwaitingConfirmationAsync(CustomerCard customer, Guid rep, StandardAnswer answer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var received = now.AddDays(-6);
        var c = await ReceiveAsync(customer, rep, ComplaintSeverity.Major, "口味与以往不同", "客户反映新到的一批口感偏酸，担心质量问题，暂停上架。", "1L 系列", received, now, cancellationToken);
        Done(c.Acknowledge(ComplaintChannel.Visit, null, rep, received.AddHours(3)));
        Done(c.Investigate(rep, received.AddHours(4)));
        Done(c.UseAnswer(answer, usedBefore: false, rep, received.AddHours(4)));
        Done(c.RecordCause("productQuality", "该批次灌装温度偏高", rep, received.AddDays(2)));
        Done(c.Propose(new Resolution(ResolutionKind.FixOrImprove, "整批换货，质检报告随货送达", 300), rep, received.AddDays(2)));
        Done(c.Resolve(rep, received.AddDays(3)));
        Done(c.UpdateCustomer(ComplaintChannel.Phone, "已换货并送达质检报告，请客户试销后确认", rep, received.AddDays(3)));
        return c;
    }

    /// <summary>Three days ago, critical, promised within a day and still investigated: past its promised time.</summary>
    private async Task<Complaint> OverdueAsync(CustomerCard customer, Guid rep, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var received = now.AddDays(-3);
        var c = await ReceiveAsync(customer, rep, ComplaintSeverity.Critical, "整批少发二十箱", "客户仓库清点：订单 120 箱只到 100 箱，周末促销缺货。", null, received, now, cancellationToken);
        Done(c.Acknowledge(ComplaintChannel.Phone, received.AddHours(24), rep, received.AddHours(1)));
        Done(c.Investigate(rep, received.AddHours(2)));
        return c;
    }

    private async Task<Complaint> ReceiveAsync(
        CustomerCard customer, Guid rep, ComplaintSeverity severity, string title, string description, string? product, DateTimeOffset received, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var scope = await CustomerCopies.LockAsync(db, customer, cancellationToken);
        var intake = new ComplaintIntake(ComplaintChannel.Phone, severity, title, description, product, null, received, null);
        var complaint = Complaint.Receive(scope, customer.Name, customer.Key, intake, sla.DueAt(received, severity, customer.Key), rep, rep, received);
        db.Complaints.Add(complaint);
        return complaint;
    }

    /// <summary>The history is written in an order the procedure allows; a refusal here is a bug in this seeder.</summary>
    private static void Done(Error? refused)
    {
        if (refused is not null)
        {
            throw new InvalidOperationException($"The demo complaints broke a rule of the procedure: {refused.Detail}");
        }
    }
}
