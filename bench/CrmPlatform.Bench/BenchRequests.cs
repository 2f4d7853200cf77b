namespace CrmPlatform.Bench;

/// <summary>
/// Every request kind the benchmark loads, each as the product's request and the floor's bare
/// equivalent. A module adds its hot requests here: a name, a caller, and the two targets.
/// </summary>
internal static class BenchRequests
{
    /// <summary>
    /// Search terms: a 2- and a 1-character fragment of Chinese names, digits of a phone, a word of company names.
    /// Each finds customers by their own fields and by their contacts' names and phones (ADR 0026).
    /// </summary>
    private static readonly (string Label, string Term)[] SearchTerms =
    [
        ("search 2-char name", "建华"),
        ("search 1-char name", "梅"),
        ("search 4-digit phone", "8031"),
        ("search company word", "鼎盛"),
    ];

    public static IEnumerable<BenchRequest> All(BenchData data)
    {
        yield return Get("get by id", data.Director, data.AnyIds);
        yield return Get("get by id (own)", data.Rep, data.RepIds);
        // The relationship card's other reads: its contacts and the first page of its timeline (5M entries at 1M customers).
        yield return Get("card: contacts", data.Director, data.AnyIds, "/contacts");
        yield return Get("card: timeline page", data.Director, data.AnyIds, "/interactions", "limit=20");
        yield return Get("card: timeline page (own)", data.Rep, data.RepIds, "/interactions", "limit=20");
        yield return List("list: first page", data.Director, "limit=50");
        yield return List("list: stage + owner", data.Director, $"stage=customer&ownerId={data.Rep.Id}&limit=50");
        yield return new BenchRequest("list: page 21 (keyset)", data.Director,
            Target.Get($"/api/v1/customers?{data.DeepPageQuery}"),
            Target.Get($"/customers?limit=50&after={data.DeepPageAfterId}"));
        foreach (var (label, term) in SearchTerms)
        {
            foreach (var caller in new[] { data.Director, data.Manager, data.Rep })
            {
                yield return List(label, caller, $"q={Uri.EscapeDataString(term)}&limit=50");
            }
        }

        // The deal board (看板): every stage's totals and first 50 cards, over the 5,000 open deals and this month's wins.
        foreach (var caller in new[] { data.Director, data.Manager, data.Rep })
        {
            yield return new BenchRequest("deals: board", caller, Target.Get("/api/v1/deals/board"), Target.Get($"/deals/board?{caller.FloorScope}"));
        }

        // Target progress (销售目标): this year's revenue target with its split, each share's actual counted from a year of
        // won deals: the company's among the regions (by person), a team's among its members, a rep's year by month (by day).
        foreach (var (caller, id) in new[] { (data.Director, data.Targets.Company), (data.Manager, data.Targets.Team), (data.Rep, data.Targets.Rep) })
        {
            yield return new BenchRequest("deals: target progress", caller, Target.Get($"/api/v1/targets/{id}"), Target.Get($"/targets/{id}"));
        }

        // The activity funnel of a team for last month: its members' calls and appointments among 5M timeline entries, their
        // deals that reached the recommend stage, and their wins.
        var lastMonth = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddMonths(-1);
        var (from, to) = (new DateOnly(lastMonth.Year, lastMonth.Month, 1), new DateOnly(lastMonth.Year, lastMonth.Month, DateTime.DaysInMonth(lastMonth.Year, lastMonth.Month)));
        yield return new BenchRequest("deals: funnel team-month", data.Manager,
            Target.Get($"/api/v1/deals/funnel?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"),
            Target.Get($"/deals/funnel?team={data.Manager.TeamId}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"));

        // The manager's inbox (待审批): the team's plans waiting for sign-off and reports waiting for a comment, among a year of
        // 52,000 plans and 50,000 reports.
        yield return new BenchRequest("visits: inbox plans", data.Manager,
            Target.Get("/api/v1/visits/plans?status=submitted"), Target.Get($"/visits/plans?status=Submitted&{data.Manager.FloorScope}"));
        yield return new BenchRequest("visits: inbox reports", data.Manager,
            Target.Get("/api/v1/visits/reports?status=submitted"), Target.Get($"/visits/reports?status=Submitted&{data.Manager.FloorScope}"));

        // The director's monthly view: this month and last for every team and rep, from 200,000 visits a year.
        yield return new BenchRequest("visits: monthly view", data.Director, Target.Get("/api/v1/visits/monthly"), Target.Get("/visits/monthly"));

        // Last week's progress report (周进度控制), compiled again for one team after another: its members' plans, visits and
        // reports, their sales and month targets from Deals, its competitor reports and its customers overdue for a visit.
        IReadOnlyList<string> weeks = [.. data.TeamIds.Select(team => $$"""{"teamId":"{{team}}","weekStart":"{{ChinaMonday().AddDays(-7):yyyy-MM-dd}}"}""")];
        yield return new BenchRequest("visits: weekly compile", data.Director,
            new Target("POST", ["/api/v1/visits/weekly-reports/compile"], Mode.Create, weeks),
            new Target("POST", ["/visits/weekly-compile"], Mode.Create, weeks));

        // The complaint list (客户投诉), newest first, for each scope, among 100,000 complaints of a year; and the investigations open.
        foreach (var caller in new[] { data.Director, data.Manager, data.Rep })
        {
            yield return new BenchRequest("complaints: list", caller,
                Target.Get("/api/v1/complaints?limit=50"), Target.Get($"/complaints?{caller.FloorScope}"));
        }

        yield return new BenchRequest("complaints: investigating", data.Director,
            Target.Get("/api/v1/complaints?status=investigating&limit=50"), Target.Get("/complaints?status=Investigating"));

        // Pareto of causes with the SLA figures: the company's year, and a team's month.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var (yearFrom, monthFrom) = (today.AddDays(-365), new DateOnly(today.Year, today.Month, 1));
        yield return new BenchRequest("complaints: pareto year", data.Director,
            Target.Get($"/api/v1/complaints/pareto?from={yearFrom:yyyy-MM-dd}&to={today:yyyy-MM-dd}"),
            Target.Get($"/complaints/pareto?from={yearFrom:yyyy-MM-dd}&to={today:yyyy-MM-dd}"));
        yield return new BenchRequest("complaints: pareto month", data.Manager,
            Target.Get($"/api/v1/complaints/pareto?from={monthFrom:yyyy-MM-dd}&to={today:yyyy-MM-dd}"),
            Target.Get($"/complaints/pareto?from={monthFrom:yyyy-MM-dd}&to={today:yyyy-MM-dd}&{data.Manager.FloorScope}"));

        // The standard answers (标准回答) searched as a rep types: two Han characters, one, and a longer phrase (trigrams), among
        // 2,000 answers with their usage counted from 33,000 complaints that gave one.
        foreach (var (label, term) in new[] { ("2-char", "渗漏"), ("1-char", "箱"), ("phrase", "重开发票") })
        {
            yield return new BenchRequest($"complaints: answers {label}", data.Rep,
                Target.Get($"/api/v1/complaints/answers?q={Uri.EscapeDataString(term)}&active=true"),
                Target.Get($"/complaints/answers?q={Uri.EscapeDataString(term)}"));
        }

        // Writes come from a rep of another team than the readers', with bodies copied from real rows,
        // so they neither skew what the reads find nor all look alike. A created customer is a new one
        // (its own name and phone, filled in per request), so it pays the duplicate check and passes it.
        yield return new BenchRequest("create", data.Writer,
            new Target("POST", ["/api/v1/customers"], Mode.Create, data.NewCustomerBodies),
            new Target("POST", [$"/customers?owner={data.Writer.Id}&team={data.Writer.TeamId}"], Mode.Create, data.NewCustomerBodies));
        yield return new BenchRequest("update", data.Writer,
            new Target("PUT", ["/api/v1/customers/{id}"], Mode.Update, data.Bodies, data.WriterRowsAsync),
            new Target("PUT", [$"/customers/{{id}}?{data.Writer.FloorScope}"], Mode.Update, data.Bodies, data.WriterRowsAsync));
    }

    private static DateOnly ChinaMonday()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        return today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
    }

    private static BenchRequest Get(string name, Caller caller, IReadOnlyList<Guid> ids, string path = "", string query = "") =>
        new(name, caller,
            Target.Get(ids.Select(id => $"/api/v1/customers/{id}{path}{(query.Length > 0 ? "?" + query : string.Empty)}")),
            Target.Get(ids.Select(id => $"/customers/{id}{path}?{string.Join('&', new[] { query, caller.FloorScope }.Where(p => p.Length > 0))}")));

    private static BenchRequest List(string name, Caller caller, string query) =>
        new(name, caller, Target.Get($"/api/v1/customers?{query}"), Target.Get($"/customers?{query}&{caller.FloorScope}"));
}

internal sealed record BenchRequest(string Name, Caller Caller, Target Product, Target Floor);

internal enum Mode
{
    Plain,
    Create,
    Update,
}

/// <param name="Rows">For updates: the rows to change with their current versions, read again before each run.</param>
internal sealed record Target(
    string Method, IReadOnlyList<string> Paths, Mode Mode = Mode.Plain, IReadOnlyList<string>? Bodies = null,
    Func<Task<IReadOnlyList<(Guid Id, uint Version)>>>? Rows = null)
{
    public static Target Get(params IEnumerable<string> paths) => new("GET", paths.ToList());
}

/// <summary>A logged-in user; <see cref="FloorScope"/> is the record scope the floor applies for them.</summary>
internal sealed record Caller(string Label, string Role, Guid Id, Guid? TeamId, string Token)
{
    public string FloorScope => Role switch
    {
        "Rep" => $"owner={Id}",
        "Manager" => $"team={TeamId}",
        _ => string.Empty,
    };
}

/// <summary>This year's revenue targets of the company, the manager's team and the rep (targets.sql).</summary>
internal sealed record BenchTargets(Guid Company, Guid Team, Guid Rep);

/// <summary>What the requests need from the seeded data set.</summary>
internal sealed record BenchData(
    Caller Director,
    Caller Manager,
    Caller Rep,
    Caller Writer,
    IReadOnlyList<Guid> AnyIds,
    IReadOnlyList<Guid> RepIds,
    string DeepPageQuery,
    Guid DeepPageAfterId,
    IReadOnlyList<string> Bodies,
    Func<Task<IReadOnlyList<(Guid Id, uint Version)>>> WriterRowsAsync,
    BenchTargets Targets,
    IReadOnlyList<Guid> TeamIds)
{
    /// <summary>The bodies with a <c>{serial}</c> after the name and <c>{phone}</c> as the phone, which load.lua fills in per request.</summary>
    public IReadOnlyList<string> NewCustomerBodies { get; } = [.. Bodies.Select(AsNewCustomer)];

    private static string AsNewCustomer(string body)
    {
        var customer = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        customer["name"] = $"{customer["name"]} {{serial}}";
        customer["phone"] = "{phone}";
        return customer.ToJsonString();
    }
}
