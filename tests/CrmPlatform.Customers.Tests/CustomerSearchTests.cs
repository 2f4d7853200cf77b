using System.Net;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Features;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>
/// Search through the Han-gram and trigram columns (ADR 0011). Names use rare characters (龘, 靐, 爩,
/// 齉) so that other tests' customers never match.
/// </summary>
public sealed class CustomerSearchTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task One_and_two_han_characters_find_them_anywhere_in_the_name_or_the_company()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var byName = await rep.PostJsonAsync(Url, new { name = "欧阳龘靐", kind = "person", stage = "prospect" });
        var byCompany = await rep.PostJsonAsync(Url, new { name = "Li Na", kind = "person", stage = "prospect", company = "苏州龘靐五金有限公司" });
        var named = await byName.ReadAsync<CustomerDto>(System.Net.HttpStatusCode.Created);
        var employed = await byCompany.ReadAsync<CustomerDto>(System.Net.HttpStatusCode.Created);

        (await IdsAsync(rep, "龘")).Should().BeEquivalentTo([named.Id, employed.Id]);
        (await IdsAsync(rep, "龘靐")).Should().BeEquivalentTo([named.Id, employed.Id]);
        (await IdsAsync(rep, "阳龘")).Should().Equal(named.Id);
        (await IdsAsync(rep, "靐五")).Should().Equal(employed.Id);
        (await IdsAsync(rep, "靐龘")).Should().BeEmpty("the grams keep the order of the characters");
    }

    [Fact]
    public async Task A_term_never_matches_across_the_end_of_the_name_and_the_start_of_the_company()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        await rep.PostJsonAsync(Url, new { name = "张爩", kind = "person", stage = "prospect", company = "齉记茶行" });

        (await IdsAsync(rep, "爩")).Should().HaveCount(1);
        (await IdsAsync(rep, "爩齉")).Should().BeEmpty("a two-character gram is taken inside one field only");
        (await IdsAsync(rep, "张爩齉记")).Should().BeEmpty("a longer term is matched inside one field only too");
    }

    [Fact]
    public async Task Latin_terms_ignore_case_and_phone_fragments_ignore_spaces_and_dashes()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await (await rep.PostJsonAsync(Url, new
        {
            name = "Zhangjiagang Qoxbury Trading",
            kind = "company",
            stage = "intent",
            phone = "0512-5877 9013",
        })).ReadAsync<CustomerDto>(System.Net.HttpStatusCode.Created);

        (await IdsAsync(rep, "QOXBURY")).Should().Equal(customer.Id);
        (await IdsAsync(rep, "oxbury trad")).Should().Equal(customer.Id);
        (await IdsAsync(rep, "58779013")).Should().Equal(customer.Id);
        (await IdsAsync(rep, "5877-9013")).Should().Equal(customer.Id);
        (await IdsAsync(rep, "7 90")).Should().Equal(customer.Id);
    }

    [Fact]
    public async Task Search_stays_within_record_scope_and_keeps_the_requested_order()
    {
        var east = await app.LoginAsync(DemoUsers.RepEast);
        var west = await app.LoginAsync(DemoUsers.RepWest);
        var director = await app.LoginAsync(DemoUsers.Director);
        var first = await east.CreateAsync("甲鼗鼗商行");
        var second = await east.CreateAsync("乙鼗鼗商行");
        var theirs = await west.CreateAsync("丙鼗鼗商行");

        (await IdsAsync(east, "鼗")).Should().Equal(second.Id, first.Id);
        (await IdsAsync(west, "鼗鼗")).Should().Equal(theirs.Id);
        (await IdsAsync(director, "鼗", "&sort=name")).Should().Equal([theirs.Id, second.Id, first.Id], "丙 < 乙 < 甲 by code point");
    }

    [Fact]
    public async Task Renaming_a_customer_changes_what_finds_it()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var created = await rep.CreateAsync("旧名鼖鼖");

        var renamed = await (await rep.PutAsync(created, new { name = "新名鼙鼙", kind = "company", stage = "prospect" }, ETagOf(created)))
            .ReadAsync<CustomerDto>();

        renamed.Name.Should().Be("新名鼙鼙");
        (await IdsAsync(rep, "鼖")).Should().BeEmpty();
        (await IdsAsync(rep, "鼙")).Should().Equal(created.Id);
    }

    [Fact]
    public async Task A_contacts_name_or_phone_finds_its_customer_once_within_scope_in_order_and_across_pages()
    {
        var east = await app.LoginAsync(DemoUsers.RepEast);
        var west = await app.LoginAsync(DemoUsers.RepWest);
        var director = await app.LoginAsync(DemoUsers.Director);
        var byOwnName = await east.CreateAsync("甲鼛鼚商行");
        var byContact = await east.CreateAsync("乙号商行");
        var bothWays = await east.CreateAsync("丙鼛鼚商行");
        var theirs = await west.CreateAsync("丁号商行");
        var storeManager = await AddContactAsync(east, byContact, new { name = "王鼛鼚", role = "storeManager", phone = "0571-8697 2130" });
        await AddContactAsync(east, bothWays, new { name = "李鼛鼚", role = "decisionMaker" });
        await AddContactAsync(west, theirs, new { name = "赵鼛鼚", role = "purchasing" });

        (await IdsAsync(east, "鼛鼚")).Should().Equal([bothWays.Id, byContact.Id, byOwnName.Id], "newest first, and a customer found both ways once");
        (await IdsAsync(east, "鼛")).Should().Equal([bothWays.Id, byContact.Id, byOwnName.Id], "one character finds contacts too");
        (await IdsAsync(east, "王鼛鼚")).Should().Equal(byContact.Id);
        (await IdsAsync(east, "86972130")).Should().Equal(byContact.Id);
        (await IdsAsync(east, "8697-2130")).Should().Equal(byContact.Id);
        (await IdsAsync(west, "鼛鼚")).Should().Equal(theirs.Id);
        (await IdsAsync(director, "鼛鼚", "&sort=name")).Should().Equal([theirs.Id, bothWays.Id, byContact.Id, byOwnName.Id], "丁 < 丙 < 乙 < 甲 by code point");

        var pages = new List<Guid>();
        var query = $"{Url}?q={Uri.EscapeDataString("鼛鼚")}&limit=1";
        for (var page = await (await east.GetAsync(query)).ReadAsync<Page<CustomerSummaryDto>>(); ; )
        {
            pages.AddRange(page.Items.Select(c => c.Id));
            if (page.NextCursor is null)
            {
                break;
            }

            page = await (await east.GetAsync($"{query}&cursor={Uri.EscapeDataString(page.NextCursor)}")).ReadAsync<Page<CustomerSummaryDto>>();
        }

        pages.Should().Equal([bothWays.Id, byContact.Id, byOwnName.Id], "the keyset cursor runs through both kinds of match");

        // A contact's searched fields are the customer's: renaming one changes the customer's version, a note does not.
        var version = (await east.ReadCustomerAsync(byContact.Id)).Version;
        storeManager = await ChangeContactAsync(east, byContact, storeManager, new { name = "王鼛鼚", role = "storeManager", phone = "0571-8697 2130", notes = "周一休息" });
        (await east.ReadCustomerAsync(byContact.Id)).Version.Should().Be(version);
        storeManager = await ChangeContactAsync(east, byContact, storeManager, new { name = "王鼜鼝", role = "storeManager" });
        (await east.ReadCustomerAsync(byContact.Id)).Version.Should().NotBe(version);
        (await IdsAsync(east, "鼛鼚")).Should().Equal(bothWays.Id, byOwnName.Id);
        (await IdsAsync(east, "鼜鼝")).Should().Equal(byContact.Id);
        (await IdsAsync(east, "86972130")).Should().BeEmpty();

        var removed = await east.SendContactAsync(HttpMethod.Delete, byContact.Id, storeManager, null, $"\"{storeManager.Version}\"");
        removed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await IdsAsync(east, "鼜鼝")).Should().BeEmpty();
    }

    [Fact]
    public async Task Contacts_added_to_one_customer_at_once_are_all_found()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await rep.CreateAsync("并发联系人商行");
        string[] names = ["鼢鼣甲", "鼢鼣乙", "鼢鼣丙", "鼢鼣丁", "鼢鼣戊", "鼢鼣己"];

        await Task.WhenAll(names.Select(name => AddContactAsync(rep, customer, new { name, role = "storeStaff" })));

        foreach (var name in names)
        {
            (await IdsAsync(rep, name)).Should().Equal([customer.Id], $"{name} was added while the others were");
        }
    }

    private static async Task<ContactDto> ChangeContactAsync(HttpClient client, CustomerDto customer, ContactDto contact, object body) =>
        await (await client.SendContactAsync(HttpMethod.Put, customer.Id, contact, body, $"\"{contact.Version}\"")).ReadAsync<ContactDto>();

    private static async Task<ContactDto> AddContactAsync(HttpClient client, CustomerDto customer, object contact) =>
        await (await client.PostJsonAsync($"{Url}/{customer.Id}/contacts", contact)).ReadAsync<ContactDto>(HttpStatusCode.Created);

    private static async Task<IReadOnlyList<Guid>> IdsAsync(HttpClient client, string term, string more = "")
    {
        var page = await (await client.GetAsync($"{Url}?q={Uri.EscapeDataString(term)}{more}")).ReadAsync<Page<CustomerSummaryDto>>();
        return page.Items.Select(c => c.Id).ToList();
    }

    [Fact]
    public async Task The_list_search_finds_a_customer_by_any_of_its_phone_numbers()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var customer = await (await rep.PostJsonAsync(Url, new { name = "备用号码 搜索", kind = "person", otherPhones = new[] { "0512-6677 8899" } }))
            .ReadAsync<CustomerDto>(HttpStatusCode.Created);

        var found = await (await rep.GetAsync($"{Url}?q=66778899")).ReadAsync<Page<CustomerSummaryDto>>();

        found.Items.Select(c => c.Id).Should().Equal(customer.Id);
    }
}
