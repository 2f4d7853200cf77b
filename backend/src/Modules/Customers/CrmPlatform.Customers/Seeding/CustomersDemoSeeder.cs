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
        ("rep.east", new("上海华联超市", CustomerKind.Company, "021-6888 1234", "purchase@hualian.example", "上海华联超市有限公司", null, "上海", "零售", CustomerStage.Loyal)),
        ("rep.east", new("王芳", CustomerKind.Person, "138 1234 5678", null, "杭州美家装饰", "采购经理", "杭州", "家装", CustomerStage.Customer)),
        ("rep.east", new("苏州新区五金批发", CustomerKind.Company, "0512-6655 7788", null, null, null, "苏州", "五金", CustomerStage.Intent)),
        ("rep.east", new("陈志强", CustomerKind.Person, "139 0000 1111", "chen.zq@example.com", "南京鼎盛贸易", "老板", "南京", "批发", CustomerStage.Prospect)),
        ("manager.east", new("宁波港务集团", CustomerKind.Company, "0574-8765 4321", null, null, null, "宁波", "物流", CustomerStage.Customer)),
        ("rep.west", new("成都红旗连锁", CustomerKind.Company, "028-8555 6666", "buyer@hongqi.example", "成都红旗连锁股份有限公司", null, "成都", "零售", CustomerStage.Loyal)),
        ("rep.west", new("李娜", CustomerKind.Person, "186 2222 3333", null, "重庆山城建材", "店长", "重庆", "建材", CustomerStage.Intent)),
        ("rep.west", new("昆明滇池酒店", CustomerKind.Company, "0871-6333 2222", null, null, null, "昆明", "酒店", CustomerStage.Prospect)),
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
}
