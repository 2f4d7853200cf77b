using System.Net;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>The full profile (客户档案) and the hand-set classification: stored, replaced, audited, validated and filterable.</summary>
public sealed class CustomerProfileTests(CrmApp app) : DayBoundTests, IClassFixture<CrmApp>
{

    [Fact]
    public async Task The_whole_profile_is_kept_as_given_and_a_replace_is_audited_field_by_field()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var created = await (await rep.PostJsonAsync(Url, new
        {
            name = "档案 周总", kind = "person", phone = "139 1111 2222", otherPhones = new[] { " 0571-8765 4321 ", "0571-8765 4321" },
            email = "zhou@example.com", company = "周氏贸易", position = "总经理", address = "杭州市西湖区文三路 1 号", region = "杭州", industry = "批发",
            source = "referral", tags = new[] { "茶友", " VIP ", "vip" }, gender = "male", birthday = "1975-06-01", occupation = "商人", incomeBand = "over50k",
            hobbies = "喝茶、钓鱼", personality = "稳重，重视面子", family = "儿子在英国读书", preferredProducts = "高端礼盒", preferredColours = "红色",
            preferredSpecs = "500g", preferredChannels = "微信", stage = "intent", importance = "key", priorityTier = "priority", relationshipLevel = 3,
        })).ReadAsync<CustomerDto>(HttpStatusCode.Created);

        var read = await (await rep.GetAsync($"{Url}/{created.Id}")).ReadAsync<CustomerDto>();
        read.Should().BeEquivalentTo(new
        {
            OtherPhones = new[] { "0571-8765 4321" }, Address = "杭州市西湖区文三路 1 号", Source = CustomerSource.Referral, Tags = new[] { "茶友", "VIP" },
            Gender = Gender.Male, Birthday = (DateOnly?)new DateOnly(1975, 6, 1), Occupation = "商人", IncomeBand = (IncomeBand?)IncomeBand.Over50k,
            Hobbies = "喝茶、钓鱼", Personality = "稳重，重视面子", Family = "儿子在英国读书", PreferredProducts = "高端礼盒", PreferredColours = "红色",
            PreferredSpecs = "500g", PreferredChannels = "微信", Stage = CustomerStage.Intent, Importance = Importance.Key,
            PriorityTier = PriorityTier.Priority, RelationshipLevel = 3,
        });

        // PUT replaces: what the body leaves out goes back to its default.
        var replaced = await (await rep.PutAsync(read, new { name = "档案 周总", kind = "person", tags = new[] { "茶友", "老朋友" }, relationshipLevel = 4 }, ETagOf(read)))
            .ReadAsync<CustomerDto>();
        replaced.Should().BeEquivalentTo(new
        {
            Tags = new[] { "茶友", "老朋友" }, RelationshipLevel = 4, Hobbies = (string?)null, Gender = (Gender?)null, OtherPhones = Array.Empty<string>(),
            Importance = Importance.General, PriorityTier = PriorityTier.General, Stage = CustomerStage.Prospect,
        });

        var history = await (await rep.GetAsync($"{Url}/{created.Id}/history")).ReadAsync<Page<AuditEntryDto>>();
        history.Items[0].Changes.Should().ContainEquivalentOf(new { Field = "tags", Old = "茶友, VIP", New = "茶友, 老朋友" })
            .And.ContainEquivalentOf(new { Field = "relationshipLevel", Old = "3", New = "4" })
            .And.ContainEquivalentOf(new { Field = "birthday", Old = "1975-06-01", New = (string?)null });
    }

    [Fact]
    public async Task A_list_row_is_a_summary_with_its_owner_and_cadence_and_the_profile_stays_on_the_customer()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var created = await (await rep.PostJsonAsync(Url, new
        {
            name = "摘要 孙总", kind = "person", phone = "139 3333 4444", otherPhones = new[] { "0571-1234 5678" }, company = "孙氏茶行", region = "绍兴",
            industry = "茶叶", tags = new[] { "茶友" }, hobbies = "下围棋", personality = "爽快", family = "女儿在读大学", importance = "key",
            priorityTier = "priority", relationshipLevel = 2,
        })).ReadAsync<CustomerDto>(HttpStatusCode.Created);

        var response = await rep.GetAsync($"{Url}?q={Uri.EscapeDataString("摘要 孙总")}");
        var json = await response.Content.ReadAsStringAsync();
        var row = (await response.ReadAsync<Page<CustomerSummaryDto>>()).Items.Should().ContainSingle().Subject;

        row.Should().BeEquivalentTo(new
        {
            created.Id, created.Name, Phone = "139 3333 4444", Company = "孙氏茶行", Region = "绍兴", Industry = "茶叶", Tags = new[] { "茶友" },
            Importance = Importance.Key, PriorityTier = PriorityTier.Priority, RelationshipLevel = 2, ValueTier = (ValueTier?)null,
            OwnerName = created.OwnerName, created.Cadence, created.Version,
        });
        row.OwnerName.Should().NotBeNullOrEmpty();
        json.Should().NotContain("下围棋").And.NotContain("女儿在读大学").And.NotContain("0571-1234 5678").And.NotContain("\"hobbies\"");
    }

    [Theory]
    [InlineData("""{"name":"x","kind":"person","relationshipLevel":5}""", "relationshipLevel")]
    [InlineData("""{"name":"x","kind":"person","relationshipLevel":0}""", "relationshipLevel")]
    [InlineData("""{"name":"x","kind":"person","otherPhones":["not a phone"]}""", "otherPhones[0]")]
    [InlineData("""{"name":"x","kind":"person","otherPhones":["1380000","1380001","1380002","1380003","1380004","1380005"]}""", "otherPhones")]
    [InlineData("""{"name":"x","kind":"person","tags":["一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十X"]}""", "tags[0]")]
    [InlineData("""{"name":"x","kind":"person","tags":[""]}""", "tags[0]")]
    [InlineData("""{"name":"x","kind":"person","gender":"other"}""", "gender")]
    [InlineData("""{"name":"x","kind":"person","incomeBand":"rich"}""", "incomeBand")]
    [InlineData("""{"name":"x","kind":"person","source":"tv"}""", "source")]
    [InlineData("""{"name":"x","kind":"person","importance":"vital"}""", "importance")]
    [InlineData("""{"name":"x","kind":"person","priorityTier":"first"}""", "priorityTier")]
    [InlineData("""{"name":"x","kind":"person","birthday":"1899-12-31"}""", "birthday")]
    public async Task A_profile_that_cannot_be_right_is_400_naming_the_field(string body, string field)
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var response = await rep.PostAsync(Url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync(field);
    }

    [Fact]
    public async Task A_birthday_after_today_is_400_naming_it()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var response = await rep.PostJsonAsync(Url, new { name = "档案 未来", kind = "person", birthday = ChinaDay.Today().AddDays(2) });

        await response.ShouldHaveFieldErrorAsync("birthday");
    }

    [Fact]
    public async Task Every_classification_field_region_industry_source_and_tag_filters_the_list()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var region = "筛选区" + Guid.NewGuid().ToString("N")[..6];
        var key = await CreateAsync(rep, new { name = "筛选 重要", kind = "company", region, industry = "五金", importance = "key", tags = new[] { "VIP" }, source = "web" });
        var priority = await CreateAsync(rep, new { name = "筛选 优先", kind = "company", region, industry = "建材", priorityTier = "priority", relationshipLevel = 4 });
        var plain = await CreateAsync(rep, new { name = "筛选 一般", kind = "company", region, industry = "五金", priorityTier = "last", tags = new[] { "展会" } });

        async Task<Guid[]> Ids(string filters) =>
            [.. (await (await rep.GetAsync($"{Url}?region={Uri.EscapeDataString(region.ToUpperInvariant())}&{filters}")).ReadAsync<Page<CustomerSummaryDto>>()).Items.Select(c => c.Id)];

        (await Ids("importance=key")).Should().Equal(key.Id);
        (await Ids("priorityTier=priority")).Should().Equal(priority.Id);
        (await Ids("priorityTier=last")).Should().Equal(plain.Id);
        (await Ids("relationshipLevel=4")).Should().Equal(priority.Id);
        (await Ids("industry=五金&sort=name")).Should().BeEquivalentTo([key.Id, plain.Id]);
        (await Ids("tag=vip")).Should().Equal(key.Id);
        (await Ids("source=web")).Should().Equal(key.Id);
        (await Ids("sort=createdAt")).Should().Equal(key.Id, priority.Id, plain.Id);

        var otherTeam = await app.LoginAsync(DemoUsers.RepWest);
        (await (await otherTeam.GetAsync($"{Url}?region={Uri.EscapeDataString(region)}")).ReadAsync<Page<CustomerSummaryDto>>()).Items.Should().BeEmpty();
    }

    [Theory]
    [InlineData("relationshipLevel=9", "relationshipLevel")]
    [InlineData("importance=vital", "importance")]
    [InlineData("overdue=soon", "overdue")]
    public async Task A_filter_that_cannot_be_right_is_400_naming_it(string query, string parameter)
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        await (await rep.GetAsync($"{Url}?{query}")).ShouldHaveFieldErrorAsync(parameter);
    }

    [Fact]
    public async Task Birthdays_on_profiles_and_of_contacts_are_among_the_upcoming_days()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var inTwo = ChinaDay.Today().AddDays(2);
        var inFive = ChinaDay.Today().AddDays(5);
        var customer = await CreateAsync(rep, new { name = "生日 钱总", kind = "person", birthday = new DateOnly(1980, inFive.Month, inFive.Day) });
        var contact = await (await rep.PostJsonAsync($"{Url}/{customer.Id}/contacts", new { name = "钱太太", role = "bossFamily", birthday = new DateOnly(1982, inTwo.Month, inTwo.Day) }))
            .ReadAsync<ContactDto>(HttpStatusCode.Created);

        var upcoming = (await (await rep.GetAsync($"{Url}/key-dates/upcoming?days=7&limit=200")).ReadAsync<List<UpcomingKeyDateDto>>())
            .Where(u => u.CustomerId == customer.Id).ToList();

        upcoming.Should().HaveCount(2);
        upcoming[0].Should().BeEquivalentTo(new { ContactId = (Guid?)contact.Id, ContactName = "钱太太", KeyDateId = (Guid?)null, Kind = KeyDateKind.Birthday, DaysAway = 2, Date = inTwo });
        upcoming[1].Should().BeEquivalentTo(new { ContactId = (Guid?)null, KeyDateId = (Guid?)null, CustomerName = "生日 钱总", DaysAway = 5, Years = (int?)(inFive.Year - 1980) });
        var otherTeam = await app.LoginAsync(DemoUsers.RepWest);
        (await (await otherTeam.GetAsync($"{Url}/key-dates/upcoming?days=7&limit=200")).ReadAsync<List<UpcomingKeyDateDto>>())
            .Should().NotContain(u => u.CustomerId == customer.Id);
    }

    private static async Task<CustomerDto> CreateAsync(HttpClient client, object body) =>
        await (await client.PostJsonAsync(Url, body)).ReadAsync<CustomerDto>(HttpStatusCode.Created);
}
