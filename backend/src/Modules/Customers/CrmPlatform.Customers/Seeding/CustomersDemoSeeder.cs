using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using CrmPlatform.Identity.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Customers.Seeding;

/// <summary>A small, believable book of customers for each demo rep.</summary>
internal sealed class CustomersDemoSeeder(CustomersDbContext db, IUserDirectory users, TimeProvider clock, ILogger<CustomersDemoSeeder> logger) : IDemoDataSeeder
{
    private static readonly (string Owner, CustomerDetails Customer)[] Book =
    [
        ("rep.east", Demo("上海华联超市", CustomerKind.Company, "021-6888 1234", "purchase@hualian.example", "上海华联超市有限公司", null, "上海", "零售", CustomerStage.Loyal) with
        {
            Address = "上海市黄浦区南京东路 800 号",
            Source = CustomerSource.Exhibition,
            Tags = ["连锁", "年框客户"],
            Preferences = new(Products: "日化、粮油", Colours: null, Specs: "整箱", Channels: "门店配送"),
            Classification = new(CustomerStage.Loyal, Importance.Key, PriorityTier.Priority, 3),
        }),
        ("rep.east", Demo("王芳", CustomerKind.Person, "138 1234 5678", null, "杭州美家装饰", "采购经理", "杭州", "家装", CustomerStage.Customer) with
        {
            OtherPhones = ["0571-8888 6666"],
            Source = CustomerSource.Referral,
            Tags = ["装修旺季"],
            Profile = new(Gender.Female, new DateOnly(1986, 4, 18), "采购经理", IncomeBand.From10kTo20k, "瑜伽、旅行", "细致，重视承诺", "已婚，女儿上小学"),
            Classification = new(CustomerStage.Customer, Importance.Key, PriorityTier.Priority, 2),
        }),
        ("rep.east", Demo("苏州新区五金批发", CustomerKind.Company, "0512-6655 7788", null, null, null, "苏州", "五金", CustomerStage.Intent)),
        ("rep.east", Demo("陈志强", CustomerKind.Person, "139 0000 1111", "chen.zq@example.com", "南京鼎盛贸易", "老板", "南京", "批发", CustomerStage.Prospect) with
        {
            Source = CustomerSource.ColdCall,
            Profile = new(Gender.Male, null, "贸易公司老板", IncomeBand.Over50k, "钓鱼、茶", "爽快，讨厌拖延", null),
        }),
        ("manager.east", Demo("宁波港务集团", CustomerKind.Company, "0574-8765 4321", null, null, null, "宁波", "物流", CustomerStage.Customer)),
        ("rep.west", Demo("成都红旗连锁", CustomerKind.Company, "028-8555 6666", "buyer@hongqi.example", "成都红旗连锁股份有限公司", null, "成都", "零售", CustomerStage.Loyal) with
        {
            Tags = ["连锁"],
            Classification = new(CustomerStage.Loyal, Importance.Key, PriorityTier.Priority, 4),
        }),
        ("rep.west", Demo("李娜", CustomerKind.Person, "186 2222 3333", null, "重庆山城建材", "店长", "重庆", "建材", CustomerStage.Intent) with
        {
            Profile = new(Gender.Female, new DateOnly(1990, 11, 2), "建材店店长", IncomeBand.From5kTo10k, "火锅、羽毛球", "热情", null),
        }),
        ("rep.west", Demo("昆明滇池酒店", CustomerKind.Company, "0871-6333 2222", null, null, null, "昆明", "酒店", CustomerStage.Prospect) with
        {
            Classification = new(CustomerStage.Prospect, Importance.General, PriorityTier.Last, 1),
        }),
    ];

    public int Order => 100;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Customers.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetDatabaseUtcNow();
        foreach (var (ownerName, details) in Book)
        {
            if (await users.FindByUserNameAsync(ownerName, cancellationToken) is not { } owner)
            {
                // A real organisation's database without the demo users: demo customers would have no owner.
                logger.LogWarning("Demo user {UserName} does not exist; no demo customers are created", ownerName);
                return;
            }

            var customer = Customer.Create(details, owner.Id, owner.TeamId, now);
            db.Customers.Add(customer);
            // Told like any other new customer, so modules that keep a copy of customers know the demo ones too.
            db.Publish(new CustomerCreated(Guid.CreateVersion7(now), now, customer.Id, customer.Name, customer.OwnerId, customer.TeamId));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static CustomerDetails Demo(
        string name, CustomerKind kind, string phone, string? email, string? company, string? position, string region, string industry, CustomerStage stage) =>
        new(
            name, kind, phone, [], email, company, position, Address: null, region, industry, Source: null, Tags: [],
            new CustomerProfile(null, null, null, null, null, null, null),
            new CustomerPreferences(null, null, null, null),
            new CustomerClassification(stage, Importance.General, PriorityTier.General, 1));
}
