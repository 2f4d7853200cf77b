using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.Customers.Features;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

public sealed class CustomersPagingTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Theory]
    [InlineData("createdAt")]
    [InlineData("createdAtDescending")]
    [InlineData("name")]
    [InlineData("nameDescending")]
    public async Task Pages_return_every_row_once_in_order_even_while_rows_are_inserted(string sort)
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var prefix = $"分页{sort}";
        var existing = new List<CustomerDto>();
        foreach (var i in new[] { 7, 3, 11, 1, 9, 5, 2, 8, 10, 4, 6, 12, 3 })
        {
            // 3 comes twice: two customers of one name, ordered by id.
            existing.Add(await rep.CreateAsync($"{prefix} {i:00}", confirmDuplicate: true));
        }

        var seen = new List<CustomerSummaryDto>();
        string? cursor = null;
        var pageNumber = 0;
        do
        {
            var url = $"{Url}?q={Uri.EscapeDataString(prefix)}&sort={sort}&limit=4" + (cursor is null ? string.Empty : $"&cursor={cursor}");
            var page = await (await rep.GetAsync(url)).ReadAsync<Page<CustomerSummaryDto>>();
            seen.AddRange(page.Items);
            cursor = page.NextCursor;

            // Concurrent writers: rows sorting before and after the current position appear meanwhile.
            await rep.CreateAsync($"{prefix} 00 new {pageNumber}");
            await rep.CreateAsync($"{prefix} 99 new {pageNumber}");
            pageNumber++;
        }
        while (cursor is not null && pageNumber < 50);

        seen.Select(c => c.Id).Should().OnlyHaveUniqueItems("a row must never be repeated");
        seen.Select(c => c.Id).Should().Contain(existing.Select(c => c.Id), "no row that existed before paging may be skipped");
        // createdAt pages by the time-ordered UUID v7 id, whose text form sorts like PostgreSQL's uuid order.
        var keys = sort.StartsWith("createdAt", StringComparison.Ordinal)
            ? seen.Select(c => c.Id.ToString()).ToList()
            : seen.Select(c => c.Name).ToList();
        if (sort.EndsWith("Descending", StringComparison.Ordinal))
        {
            keys.Should().BeInDescendingOrder(StringComparer.Ordinal);
        }
        else
        {
            keys.Should().BeInAscendingOrder(StringComparer.Ordinal);
        }
    }

    [Fact]
    public async Task Without_a_limit_a_page_holds_50_rows_and_the_last_page_has_no_next_cursor()
    {
        var rep = await app.LoginAsync(DemoUsers.RepWest);
        for (var i = 0; i < PageLimits.Default + 3; i++)
        {
            await rep.CreateAsync($"尾页测试 {i:00}");
        }

        var first = await (await rep.GetAsync($"{Url}?q=尾页测试")).ReadAsync<Page<CustomerSummaryDto>>();
        var last = await (await rep.GetAsync($"{Url}?q=尾页测试&cursor={first.NextCursor}")).ReadAsync<Page<CustomerSummaryDto>>();

        first.Items.Should().HaveCount(50);
        first.NextCursor.Should().NotBeNull();
        last.Items.Should().HaveCount(3);
        last.NextCursor.Should().BeNull();
        first.Items.Concat(last.Items).Select(c => c.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_cursor_from_one_sort_is_refused_by_another()
    {
        var rep = await app.LoginAsync(DemoUsers.RepWest);
        await rep.CreateAsync("游标测试 1");
        await rep.CreateAsync("游标测试 2");
        var page = await (await rep.GetAsync($"{Url}?q=游标测试&sort=name&limit=1")).ReadAsync<Page<CustomerSummaryDto>>();

        await (await rep.GetAsync($"{Url}?q=游标测试&sort=createdAtDescending&cursor={page.NextCursor}")).ShouldHaveFieldErrorAsync("cursor");
    }
}
