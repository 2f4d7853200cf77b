using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

// The floor of ./crm bench: the product's SQL for each benchmarked request, run bare through raw
// Npgsql (prepared statements, no reset on close, JSON built by PostgreSQL), with no auth,
// pipeline, ORM or mapping. Record scope arrives as query parameters (owner = a rep's own rows,
// team = a manager's team), so the WHERE clause is the one the product runs for that caller.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
await using var dataSource = new NpgsqlDataSourceBuilder(builder.Configuration.GetConnectionString("Crm")
    ?? throw new InvalidOperationException("ConnectionStrings__Crm is not set.")).Build();
var app = builder.Build();

// Logging is off for speed; a statement that fails is still written to the floor's log (.crm/bench-floor.log).
app.Use(async (context, next) =>
{
    try
    {
        await next(context);
    }
    catch (PostgresException e)
    {
        await Console.Error.WriteLineAsync($"{context.Request.Method} {context.Request.Path}: {e.SqlState} {e.MessageText} at {e.Position}");
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
    }
});

// What the product answers with for a customer (a get, a create, an update): every field, the activity dates its cadence
// comes from (ADR 0017) and its value (ADR 0025), from the same three tables (c, a, v), enums spelt as the API spells them.
const string CustomerJson = """
    json_build_object('id', c.id, 'name', c.name, 'kind', lower(c.kind), 'phone', c.phone, 'otherPhones', c.other_phones, 'email', c.email,
      'company', c.company, 'position', c.position, 'address', c.address, 'region', c.region, 'industry', c.industry, 'source', lower(left(c.source, 1)) || substr(c.source, 2),
      'tags', c.tags, 'gender', lower(left(c.gender, 1)) || substr(c.gender, 2), 'birthday', c.birthday, 'occupation', c.occupation, 'incomeBand', lower(left(c.income_band, 1)) || substr(c.income_band, 2),
      'hobbies', c.hobbies, 'personality', c.personality, 'family', c.family, 'preferredProducts', c.preferred_products,
      'preferredColours', c.preferred_colours, 'preferredSpecs', c.preferred_specs, 'preferredChannels', c.preferred_channels,
      'stage', lower(c.stage), 'importance', lower(left(c.importance, 1)) || substr(c.importance, 2), 'priorityTier', lower(left(c.priority_tier, 1)) || substr(c.priority_tier, 2), 'relationshipLevel', c.relationship_level,
      'ownerId', c.owner_id, 'teamId', c.team_id, 'createdAt', c.created_at, 'updatedAt', c.updated_at,
      'lastInteractionAt', a.last_interaction_at, 'lastContactedAt', a.last_contacted_at, 'lastVisitedAt', a.last_visited_at,
      'version', c.xmin::text::bigint,
      'value', json_build_object('tier', lower(coalesce(c.value_tier_override, v.tier)), 'computedTier', lower(v.tier), 'override', lower(c.value_tier_override),
        'overrideReason', c.value_tier_reason, 'purchaseTotal', coalesce(v.purchase_total, 0), 'purchaseCount', coalesce(v.purchase_count, 0)))
    """;
// A list's row (CustomerSummaryDto): the classification, the value tier that stands, ownership and the activity dates.
// As for a whole customer, the owner's name and the cadence are the host's work (CustomerViews), not SQL, so the floor leaves them out.
const string SummaryJson = """
    json_build_object('id', c.id, 'name', c.name, 'kind', lower(c.kind), 'phone', c.phone, 'company', c.company, 'region', c.region, 'industry', c.industry,
      'tags', c.tags, 'stage', lower(c.stage), 'importance', lower(left(c.importance, 1)) || substr(c.importance, 2),
      'priorityTier', lower(left(c.priority_tier, 1)) || substr(c.priority_tier, 2), 'relationshipLevel', c.relationship_level,
      'valueTier', lower(coalesce(c.value_tier_override, v.tier)), 'ownerId', c.owner_id, 'teamId', c.team_id, 'createdAt', c.created_at, 'updatedAt', c.updated_at,
      'lastInteractionAt', a.last_interaction_at, 'lastContactedAt', a.last_contacted_at, 'lastVisitedAt', a.last_visited_at,
      'version', c.xmin::text::bigint)
    """;
const string SummaryColumns =
    "id, name, kind, phone, company, region, industry, tags, stage, importance, priority_tier, relationship_level, value_tier_override, owner_id, team_id, created_at, updated_at, xmin";
// The customers the product's queries see at all (its query filter): not archived, merged away or in the pool.
const string Visible = "archived_at IS NULL AND merged_into_id IS NULL AND pooled_at IS NULL";
const string ActivityAndValue =
    "LEFT JOIN customers.customer_activity a ON a.customer_id = c.id LEFT JOIN customers.customer_value v ON v.customer_id = c.id";

app.MapGet("/customers/{id:guid}", async (Guid id, Guid? owner, Guid? team, HttpResponse response) =>
{
    var (scope, scopeValue) = Scope(owner, team);
    await using var command = dataSource.CreateCommand(
        $"SELECT {CustomerJson} FROM customers.customers c {ActivityAndValue} WHERE {Visible} AND c.id = $1{scope.Replace("$S", "$2", StringComparison.Ordinal)}");
    command.Parameters.Add(new NpgsqlParameter { Value = id });
    AddScope(command, scopeValue);
    await WriteJsonAsync(response, command, StatusCodes.Status200OK);
});

app.MapGet("/customers", async (string? q, string? stage, Guid? ownerId, Guid? after, int? limit, Guid? owner, Guid? team, HttpResponse response) =>
{
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var command = connection.CreateCommand();
    var where = new System.Text.StringBuilder(Visible);
    string Parameter(object value, NpgsqlDbType? type = null)
    {
        command.Parameters.Add(type is { } t ? new NpgsqlParameter { Value = value, NpgsqlDbType = t } : new NpgsqlParameter { Value = value });
        return "$" + command.Parameters.Count;
    }

    void Where(string clause, object value) => where.Append(" AND ").Append(clause.Replace("$P", Parameter(value), StringComparison.Ordinal));
    if (owner is { } o)
    {
        Where("owner_id = $P", o);
    }

    if (team is { } t)
    {
        Where("team_id = $P", t);
    }

    if (stage is not null)
    {
        Where("stage = $P", char.ToUpperInvariant(stage[0]) + stage[1..]);
    }

    if (ownerId is { } filterOwner)
    {
        Where("owner_id = $P", filterOwner);
    }

    if (after is { } last)
    {
        Where("id < $P", last);
    }

    var take = Parameter(limit ?? 50);
    var rows = $"SELECT {SummaryColumns} FROM customers.customers WHERE {where} ORDER BY id DESC LIMIT {take}";
    if (!string.IsNullOrWhiteSpace(q))
    {
        // The customers' search columns hold their contacts' names and phones too (ADR 0026).
        var term = q.Trim().ToLowerInvariant();
        var gram = term.Length <= 2 && term.All(c => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF'));
        var value = Parameter(gram ? term : "%" + term + "%", NpgsqlDbType.Text);
        var match = gram ? $"search_grams @> ARRAY[{value}]" : $"search_text LIKE {value}";
        rows = $"SELECT {SummaryColumns} FROM customers.customers WHERE {where} AND {match} ORDER BY id DESC LIMIT {take}";
    }

    command.CommandText = $"SELECT coalesce(json_agg({SummaryJson} ORDER BY c.id DESC), '[]') FROM ({rows}) AS c {ActivityAndValue}";
    // A search is planned for its term, as the product plans it (ValuePlans): a generic plan can be a hundred times slower.
    await using var transaction = string.IsNullOrWhiteSpace(q) ? null : await connection.BeginTransactionAsync();
    if (transaction is not null)
    {
        await using var customPlans = new NpgsqlCommand("SET LOCAL plan_cache_mode = force_custom_plan", connection, transaction);
        await customPlans.ExecuteNonQueryAsync();
        command.Transaction = transaction;
    }

    response.ContentType = "application/json";
    var items = (string)(await command.ExecuteScalarAsync())!;
    if (transaction is not null)
    {
        await transaction.CommitAsync();
    }

    await response.WriteAsync("{\"items\":" + items + ",\"nextCursor\":null}");
});

app.MapPost("/customers", async (CustomerBody body, Guid owner, Guid? team, HttpResponse response) =>
{
    var now = DateTimeOffset.UtcNow;
    var id = Guid.CreateVersion7(now);
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    await using var insert = new NpgsqlCommand(
        $"""
        WITH c AS (
          INSERT INTO customers.customers (id, name, kind, phone, email, company, position, region, industry, stage, owner_id, team_id, created_at, updated_at, assigned_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $13) RETURNING *, xmin)
        SELECT {CustomerJson} FROM c {ActivityAndValue}
        """, connection, transaction);
    AddFields(insert, id, body);
    insert.Parameters.Add(new NpgsqlParameter { Value = owner });
    insert.Parameters.Add(new NpgsqlParameter { Value = (object?)team ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
    insert.Parameters.Add(new NpgsqlParameter { Value = now });
    var json = (string)(await insert.ExecuteScalarAsync())!;
    await using var outbox = new NpgsqlCommand(
        "INSERT INTO customers.outbox_messages (id, type, payload, occurred_at, attempts) VALUES ($1, $2, $3, $4, 0)", connection, transaction);
    var eventId = Guid.CreateVersion7(now);
    outbox.Parameters.Add(new NpgsqlParameter { Value = eventId });
    outbox.Parameters.Add(new NpgsqlParameter { Value = "CrmPlatform.Customers.Contracts.CustomerCreated, CrmPlatform.Customers.Contracts" });
    outbox.Parameters.Add(new NpgsqlParameter
    {
        Value = JsonSerializer.Serialize(new { eventId, occurredAt = now, customerId = id, name = body.Name.Trim(), ownerId = owner, teamId = team }),
        NpgsqlDbType = NpgsqlDbType.Jsonb,
    });
    outbox.Parameters.Add(new NpgsqlParameter { Value = now });
    await outbox.ExecuteNonQueryAsync();
    await transaction.CommitAsync();
    response.StatusCode = StatusCodes.Status201Created;
    response.ContentType = "application/json";
    await response.WriteAsync(json);
});

app.MapPut("/customers/{id:guid}", async (Guid id, CustomerBody body, Guid? owner, Guid? team, HttpRequest request, HttpResponse response) =>
{
    if (!uint.TryParse(request.Headers.IfMatch.ToString().Trim('"'), out var version))
    {
        response.StatusCode = StatusCodes.Status428PreconditionRequired;
        return;
    }

    var (scope, scopeValue) = Scope(owner, team);
    await using var command = dataSource.CreateCommand(
        $"""
        WITH c AS (
          UPDATE customers.customers SET name = $2, kind = $3, phone = $4, email = $5, company = $6, position = $7, region = $8,
            industry = $9, stage = $10, updated_at = $11
          WHERE {Visible} AND id = $1 AND xmin = $12{scope.Replace("$S", "$13", StringComparison.Ordinal)} RETURNING *, xmin)
        SELECT {CustomerJson} FROM c {ActivityAndValue}
        """);
    AddFields(command, id, body);
    command.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.UtcNow });
    command.Parameters.Add(new NpgsqlParameter { Value = version, NpgsqlDbType = NpgsqlDbType.Xid });
    AddScope(command, scopeValue);
    await WriteJsonAsync(response, command, StatusCodes.Status200OK, StatusCodes.Status412PreconditionFailed);
});

// The relationship card's contacts and a page of its timeline, each behind the customer's record scope.
app.MapGet("/customers/{id:guid}/contacts", async (Guid id, Guid? owner, Guid? team, HttpResponse response) =>
{
    var (scope, scopeValue) = Scope(owner, team);
    await using var command = dataSource.CreateCommand($"""
        SELECT (SELECT coalesce(json_agg(json_build_object('id', k.id, 'name', k.name, 'role', k.role, 'phone', k.phone, 'likes', k.likes,
                  'notes', k.notes, 'birthday', k.birthday, 'version', k.xmin::text::bigint) ORDER BY k.id), '[]')
                FROM customers.contacts k WHERE k.customer_id = c.id)
        FROM customers.customers c WHERE {Visible} AND c.id = $1{scope.Replace("$S", "$2", StringComparison.Ordinal)}
        """);
    command.Parameters.Add(new NpgsqlParameter { Value = id });
    AddScope(command, scopeValue);
    await WriteJsonAsync(response, command, StatusCodes.Status200OK);
});

app.MapGet("/customers/{id:guid}/interactions", async (Guid id, int? limit, Guid? owner, Guid? team, HttpResponse response) =>
{
    var (scope, scopeValue) = Scope(owner, team);
    await using var command = dataSource.CreateCommand($"""
        SELECT (SELECT coalesce(json_agg(json_build_object('id', i.id, 'kind', i.kind, 'outcome', i.outcome, 'occurredAt', i.occurred_at,
                  'recordedBy', i.recorded_by, 'recordedByName', u.display_name, 'summary', i.summary, 'nextStep', i.next_step,
                  'nextStepDue', i.next_step_due, 'source', i.source) ORDER BY i.id DESC), '[]')
                FROM (SELECT * FROM customers.interactions WHERE customer_id = c.id ORDER BY id DESC LIMIT $2) AS i
                LEFT JOIN identity.users u ON u.id = i.recorded_by)
        FROM customers.customers c WHERE {Visible} AND c.id = $1{scope.Replace("$S", "$3", StringComparison.Ordinal)}
        """);
    command.Parameters.Add(new NpgsqlParameter { Value = id });
    command.Parameters.Add(new NpgsqlParameter { Value = (limit ?? 50) + 1 });
    AddScope(command, scopeValue);
    await WriteJsonAsync(response, command, StatusCodes.Status200OK);
});

// The deal board: open deals and this month's wins the caller may see (the deal's scope and its customer's, both on the
// deal's row), per stage its count, total, weighted total and first 50 cards, soonest expected close first.
app.MapGet("/deals/board", async (Guid? owner, Guid? team, HttpResponse response) =>
{
    var (scope, scopeValue) = Scope(owner, team);
    // Both halves of a deal's scope are on its row: its owner's and its customer's (ADR 0031).
    var dealScope = scope.Replace("owner_id", "d.owner_id", StringComparison.Ordinal).Replace("team_id", "d.team_id", StringComparison.Ordinal).Replace("$S", "$2", StringComparison.Ordinal);
    var customerScope = scope.Replace("owner_id", "d.customer_owner_id", StringComparison.Ordinal).Replace("team_id", "d.customer_team_id", StringComparison.Ordinal).Replace("$S", "$2", StringComparison.Ordinal);
    await using var command = dataSource.CreateCommand($"""
        WITH d AS (
          SELECT d.id, d.customer_id, d.title, d.owner_id, d.team_id, d.stage, d.status, d.probability_override, d.amount, d.currency,
                 d.expected_close_on, d.next_step, d.next_step_due, d.won_on, d.xmin
          FROM deals.deals d
          WHERE (d.status = 'Open' OR (d.status = 'Won' AND d.won_on >= $1)){dealScope}{customerScope} AND NOT d.customer_archived)
        SELECT json_build_object('columns', json_agg(json_build_object(
            'stage', json_build_object('key', s.key, 'name', s.name, 'englishName', s.english_name, 'position', s.position,
              'probability', s.probability, 'phase', lower(s.phase)),
            'count', t.count, 'amount', t.amount, 'weightedAmount', t.weighted, 'cards', k.cards) ORDER BY s.position),
          'currency', 'CNY', 'wonFrom', $1)
        FROM deals.pipeline_stages s
        CROSS JOIN LATERAL (
          SELECT count(*) AS count, coalesce(sum(d.amount), 0) AS amount,
                 round(coalesce(sum(d.amount * CASE WHEN d.status = 'Won' THEN 100 ELSE coalesce(d.probability_override, s.probability) END), 0) / 100, 2) AS weighted
          FROM d WHERE d.stage = s.key) AS t
        CROSS JOIN LATERAL (
          SELECT coalesce(json_agg(json_build_object('id', x.id, 'customerId', x.customer_id, 'customerName', c.name, 'title', x.title,
                   'ownerId', x.owner_id, 'teamId', x.team_id, 'stage', x.stage, 'status', lower(x.status),
                   'probability', CASE x.status WHEN 'Won' THEN 100 WHEN 'Lost' THEN 0 ELSE coalesce(x.probability_override, s.probability) END,
                   'amount', x.amount, 'currency', x.currency, 'expectedCloseOn', x.expected_close_on, 'nextStep', x.next_step,
                   'nextStepDue', x.next_step_due, 'wonOn', x.won_on, 'version', x.xmin::text::bigint) ORDER BY x.expected_close_on, x.id), '[]') AS cards
          FROM (SELECT * FROM d WHERE d.stage = s.key ORDER BY d.expected_close_on, d.id LIMIT 50) AS x
          JOIN deals.customer_copies c ON c.customer_id = x.customer_id) AS k
        """);
    var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    command.Parameters.Add(new NpgsqlParameter { Value = new DateOnly(today.Year, today.Month, 1) });
    AddScope(command, scopeValue);
    await WriteJsonAsync(response, command, StatusCodes.Status200OK);
});

// A target and its split, each with its actual, in one statement: the period's wins of the target's people summed once
// per person (for a split among regions, teams or members) and once per day (for a split into periods). The ids come
// from the seed, so there is no record scope to apply.
app.MapGet("/targets/{id:guid}", async (Guid id, HttpResponse response) =>
{
    await using var command = dataSource.CreateCommand("""
        WITH t AS (SELECT * FROM deals.sales_targets WHERE id = $1),
        people AS (SELECT u.id, u.team_id, tm.region_id FROM identity.users u JOIN identity.teams tm ON tm.id = u.team_id),
        credits AS (
          SELECT d.won_by AS person, d.won_on AS day, d.amount AS value
          FROM t CROSS JOIN deals.deals d LEFT JOIN people p ON p.id = d.won_by
          WHERE d.status = 'Won' AND d.won_on BETWEEN t.starts_on AND t.ends_on
            AND CASE t.level WHEN 'Company' THEN true WHEN 'Region' THEN p.region_id = t.subject_id WHEN 'Team' THEN p.team_id = t.subject_id
                ELSE d.won_by = t.subject_id END),
        per_person AS (SELECT person, sum(value) AS total FROM credits GROUP BY person),
        per_day AS (SELECT day, sum(value) AS total FROM credits GROUP BY day),
        nodes AS (SELECT * FROM t UNION ALL SELECT c.* FROM deals.sales_targets c JOIN t ON c.parent_id = t.id)
        SELECT json_agg(json_build_object('id', n.id, 'level', n.level, 'subjectId', n.subject_id, 'period', n.period, 'startsOn', n.starts_on,
                 'endsOn', n.ends_on, 'amount', n.amount, 'actual', CASE
                   WHEN n.parent_id IS DISTINCT FROM t.id THEN (SELECT coalesce(sum(total), 0) FROM per_person)
                   WHEN t.split = 'Periods' THEN (SELECT coalesce(sum(total), 0) FROM per_day WHERE day BETWEEN n.starts_on AND n.ends_on)
                   ELSE (SELECT coalesce(sum(pp.total), 0) FROM per_person pp JOIN people p ON p.id = pp.person
                         WHERE CASE n.level WHEN 'Region' THEN p.region_id = n.subject_id WHEN 'Team' THEN p.team_id = n.subject_id
                               ELSE p.id = n.subject_id END) END) ORDER BY n.parent_id NULLS FIRST, n.starts_on)
        FROM nodes n CROSS JOIN t
        """);
    command.Parameters.Add(new NpgsqlParameter { Value = id });
    await WriteJsonAsync(response, command, StatusCodes.Status200OK);
});

// A team's activity funnel over a period (days in China): its members' calls and appointments, their deals that reached
// the recommend stage, and their wins, each counted in one grouped subquery.
app.MapGet("/deals/funnel", async (Guid team, DateOnly from, DateOnly to, HttpResponse response) =>
{
    await using var command = dataSource.CreateCommand("""
        WITH members AS (SELECT id, display_name FROM identity.users WHERE team_id = $1),
        span AS (SELECT ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai') AS start, (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS finish),
        calls AS (
          SELECT i.recorded_by AS person, count(*) FILTER (WHERE i.kind = 'Call') AS calls,
                 count(*) FILTER (WHERE i.kind = 'Call' AND i.outcome = 'Reached') AS reached,
                 count(*) FILTER (WHERE i.kind <> 'Call') AS appointments
          FROM customers.interactions i, span
          WHERE i.recorded_by IN (SELECT id FROM members) AND i.occurred_at >= span.start AND i.occurred_at < span.finish
            AND i.kind IN ('Call', 'Meeting', 'Visit')
          GROUP BY i.recorded_by),
        wins AS (
          SELECT won_by AS person, count(*) AS deals, sum(amount) AS amount FROM deals.deals
          WHERE status = 'Won' AND won_on BETWEEN $2 AND $3 AND won_by IN (SELECT id FROM members) GROUP BY won_by),
        recommendations AS (
          SELECT c.changed_by AS person, count(DISTINCT c.deal_id) AS recommendations
          FROM span, deals.deal_stage_changes c
          WHERE c.to_stage = 'recommend' AND c.changed_at >= span.start AND c.changed_at < span.finish AND c.changed_by IN (SELECT id FROM members)
          GROUP BY c.changed_by)
        SELECT json_build_object('from', $2, 'to', $3, 'reps', json_agg(json_build_object('repId', m.id, 'repName', m.display_name,
                 'callsMade', coalesce(c.calls, 0), 'callsReached', coalesce(c.reached, 0), 'appointments', coalesce(c.appointments, 0),
                 'recommendations', coalesce(r.recommendations, 0), 'dealsWon', coalesce(w.deals, 0), 'amount', coalesce(w.amount, 0),
                 'revenuePerCall', round(coalesce(w.amount, 0) / nullif(c.calls, 0), 2),
                 'commission', round(coalesce(w.amount, 0) * 0.05, 2)) ORDER BY coalesce(w.amount, 0) DESC))
        FROM members m LEFT JOIN calls c ON c.person = m.id LEFT JOIN wins w ON w.person = m.id LEFT JOIN recommendations r ON r.person = m.id
        """);
    command.Parameters.Add(new NpgsqlParameter { Value = team });
    command.Parameters.Add(new NpgsqlParameter { Value = from });
    command.Parameters.Add(new NpgsqlParameter { Value = to });
    await WriteJsonAsync(response, command, StatusCodes.Status200OK);
});

// The manager's inbox: the team's plans (or reports) in a state, oldest submission first, with the rep's name.
app.MapGet("/visits/plans", async (string status, Guid team, HttpResponse response) =>
{
    await using var command = dataSource.CreateCommand("""
        SELECT coalesce(json_agg(json_build_object('id', p.id, 'repId', p.owner_id, 'repName', u.display_name, 'teamId', p.team_id, 'day', p.day,
                 'status', lower(p.status), 'visits', p.visits, 'returnComment', p.return_comment, 'submittedAt', p.submitted_at,
                 'reviewedBy', p.reviewed_by, 'reviewedAt', p.reviewed_at, 'amendedAt', p.amended_at, 'version', p.xmin::text::bigint)
                 ORDER BY p.submitted_at, p.day, p.id), '[]')
        FROM (SELECT *, xmin FROM visits.visit_plans WHERE team_id = $1 AND status = $2 ORDER BY submitted_at, day, id LIMIT 200) AS p
        JOIN identity.users u ON u.id = p.owner_id
        """);
    command.Parameters.Add(new NpgsqlParameter { Value = team });
    command.Parameters.Add(new NpgsqlParameter { Value = status });
    await WriteJsonAsync(response, command, StatusCodes.Status200OK);
});

app.MapGet("/visits/reports", async (string status, Guid team, HttpResponse response) =>
{
    await using var command = dataSource.CreateCommand("""
        SELECT coalesce(json_agg(json_build_object('id', r.id, 'repId', r.owner_id, 'repName', u.display_name, 'teamId', r.team_id, 'day', r.day,
                 'attendance', lower(r.attendance), 'complaintsHandled', r.complaints_handled, 'orders', r.orders, 'orderAmount', r.order_amount,
                 'collected', r.collected, 'competitorInfo', r.competitor_info, 'customerFeedback', r.customer_feedback, 'customerNews', r.customer_news,
                 'lessons', r.lessons, 'efficiency', json_build_object('visits', r.visits, 'effectiveVisits', r.effective_visits, 'cost', r.visit_cost),
                 'monthTarget', r.month_target, 'monthAchieved', r.month_achieved, 'status', lower(r.status), 'submittedAt', r.submitted_at,
                 'late', r.late, 'reviewComment', r.review_comment, 'version', r.xmin::text::bigint) ORDER BY r.submitted_at, r.id), '[]')
        FROM (SELECT *, xmin FROM visits.daily_reports WHERE team_id = $1 AND status = $2 ORDER BY submitted_at, id LIMIT 200) AS r
        JOIN identity.users u ON u.id = r.owner_id
        """);
    command.Parameters.Add(new NpgsqlParameter { Value = team });
    command.Parameters.Add(new NpgsqlParameter { Value = status });
    await WriteJsonAsync(response, command, StatusCodes.Status200OK);
});

// The counts of the monthly view and the weekly report, per member of the teams in $1 over the days from..to (in China),
// each table read once through its (owner, day) index and grouped; the CTEs' names start with the prefix.
static string ActivityCounts(string x, string from, string to) => $"""
    {x}span AS (SELECT {from}::date AS first, {to}::date AS last, ({from}::date::timestamp AT TIME ZONE 'Asia/Shanghai') AS start, (({to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS finish),
    {x}planned AS (SELECT p.owner_id, sum(p.visit_count) AS planned FROM visits.visit_plans p, {x}span s
                WHERE p.owner_id IN (SELECT id FROM members) AND p.day BETWEEN s.first AND s.last GROUP BY p.owner_id),
    {x}visited AS (SELECT v.owner_id, count(*) AS visits, count(v.checked_out_at) AS effective, count(*) FILTER (WHERE v.ordered) AS ordered, sum(coalesce(v.cost, 0)) AS cost
                FROM visits.visit_records v, {x}span s
                WHERE v.owner_id IN (SELECT id FROM members) AND v.checked_in_at >= s.start AND v.checked_in_at < s.finish GROUP BY v.owner_id),
    {x}reported AS (SELECT r.owner_id, count(*) FILTER (WHERE NOT r.late) AS on_time, count(*) FILTER (WHERE r.late) AS late FROM visits.daily_reports r, {x}span s
                 WHERE r.owner_id IN (SELECT id FROM members) AND r.day BETWEEN s.first AND s.last GROUP BY r.owner_id),
    {x}counts AS (SELECT m.id, m.display_name, m.team_id, coalesce(p.planned, 0) AS planned, coalesce(v.visits, 0) AS visits, coalesce(v.effective, 0) AS effective,
                      coalesce(v.ordered, 0) AS ordered, coalesce(v.cost, 0) AS cost, coalesce(r.on_time, 0) AS on_time, coalesce(r.late, 0) AS late
               FROM members m LEFT JOIN {x}planned p ON p.owner_id = m.id LEFT JOIN {x}visited v ON v.owner_id = m.id LEFT JOIN {x}reported r ON r.owner_id = m.id)
    """;
const string Members = "members AS (SELECT u.id, u.display_name, u.team_id FROM identity.users u WHERE u.team_id = ANY($1))";
static string CountsJson(string c) => $"json_build_object('planned', {c}.planned, 'visits', {c}.visits, 'effectiveVisits', {c}.effective, 'orderedVisits', {c}.ordered, " +
    $"'cost', {c}.cost, 'reportsOnTime', {c}.on_time, 'reportsLate', {c}.late, 'effectiveVisitRate', round({c}.effective * 100.0 / nullif({c}.planned, 0), 1), " +
    $"'transactionRate', round({c}.ordered * 100.0 / nullif({c}.visits, 0), 1))";

// The director's month: every team's members, this month and last.
app.MapGet("/visits/monthly", async (HttpResponse response) =>
{
    var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    var first = new DateOnly(today.Year, today.Month, 1);
    await using var command = dataSource.CreateCommand($"""
        WITH {Members}, {ActivityCounts("this_", "$2", "$3")}, {ActivityCounts("last_", "$4", "$5")}
        SELECT json_build_object('year', {first.Year}, 'month', {first.Month}, 'teams', json_agg(t.team ORDER BY t.name))
        FROM (SELECT tm.name, json_build_object('teamId', tm.id, 'teamName', tm.name,
                'reps', json_agg(json_build_object('repId', c.id, 'repName', c.display_name, 'thisMonth', {CountsJson("c")}, 'previousMonth', {CountsJson("l")}))) AS team
              FROM this_counts c JOIN last_counts l ON l.id = c.id JOIN identity.teams tm ON tm.id = c.team_id GROUP BY tm.id, tm.name) AS t
        """);
    command.Parameters.Add(new NpgsqlParameter { Value = await AllTeamsAsync(dataSource) });
    command.Parameters.Add(new NpgsqlParameter { Value = first });
    command.Parameters.Add(new NpgsqlParameter { Value = first.AddMonths(1).AddDays(-1) });
    command.Parameters.Add(new NpgsqlParameter { Value = first.AddMonths(-1) });
    command.Parameters.Add(new NpgsqlParameter { Value = first.AddDays(-1) });
    await WriteJsonAsync(response, command, StatusCodes.Status200OK);
});

// A team's week counted and kept: its members' counts, wins and payments, competitor reports and customers overdue for a
// visit (90 days) or buying less than half of the quarter before, written to the team's weekly report in the same statement.
app.MapPost("/visits/weekly-compile", async (WeekBody body, HttpResponse response) =>
{
    await using var command = dataSource.CreateCommand($"""
        WITH {Members}, {ActivityCounts("", "$2", "$3")},
        wins AS (SELECT won_by AS person, count(*) AS orders, sum(amount) AS amount FROM deals.deals, span
                 WHERE status = 'Won' AND won_by IN (SELECT id FROM members) AND won_on BETWEEN span.first AND span.last GROUP BY won_by),
        moves AS (SELECT coalesce(json_agg(json_build_object('reportId', r.id, 'observedOn', r.observed_on, 'competitor', r.competitor, 'description', r.description)), '[]') AS list
                  FROM visits.market_reports r, span WHERE r.team_id = ($1::uuid[])[1] AND r.observed_on BETWEEN span.first AND span.last AND r.kind IN ('CompetitorPromotion', 'CompetitorNewProduct')),
        overdue AS (SELECT count(*) AS total FROM customers.customers c LEFT JOIN customers.customer_activity a ON a.customer_id = c.id
                    WHERE c.owner_id IN (SELECT id FROM members) AND coalesce(a.last_visited_at, c.created_at) < now() - interval '90 days'),
        quarters AS (SELECT p.customer_id,
                            sum(p.amount) FILTER (WHERE p.purchased_at < ($3::date - 90)::timestamp AT TIME ZONE 'Asia/Shanghai') AS previous,
                            coalesce(sum(p.amount) FILTER (WHERE p.purchased_at >= ($3::date - 90)::timestamp AT TIME ZONE 'Asia/Shanghai'), 0) AS recent
                     FROM customers.customer_purchases p JOIN customers.customers c ON c.id = p.customer_id
                     WHERE c.owner_id IN (SELECT id FROM members)
                       AND p.purchased_at >= ($3::date - 181)::timestamp AT TIME ZONE 'Asia/Shanghai' AND p.purchased_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
                     GROUP BY p.customer_id),
        falling AS (SELECT count(*) AS total FROM quarters WHERE previous > 0 AND recent * 2 < previous),
        figures AS (SELECT json_build_object('from', $2, 'to', $3,
                      'reps', json_agg(json_build_object('repId', c.id, 'repName', c.display_name, 'activity', {CountsJson("c")},
                                 'sales', json_build_object('orders', coalesce(w.orders, 0), 'orderAmount', coalesce(w.amount, 0)))),
                      'competitorMoves', (SELECT list FROM moves), 'abnormalCustomerCount', (SELECT total FROM overdue),
                      'fallingCustomerCount', (SELECT total FROM falling)) AS json
                    FROM counts c LEFT JOIN wins w ON w.person = c.id)
        INSERT INTO visits.weekly_reports (id, team_id, week_start, status, figures, compiled_at)
        SELECT gen_random_uuid(), ($1::uuid[])[1], $2, 'Draft', figures.json::jsonb, now() FROM figures
        ON CONFLICT (team_id, week_start) DO UPDATE SET figures = excluded.figures, compiled_at = excluded.compiled_at
        WHERE weekly_reports.status = 'Draft'
        RETURNING json_build_object('id', id, 'teamId', team_id, 'weekStart', week_start, 'figures', figures, 'version', xmin::text::bigint)::text
        """);
    command.Parameters.Add(new NpgsqlParameter { Value = new[] { body.TeamId } });
    command.Parameters.Add(new NpgsqlParameter { Value = body.WeekStart });
    command.Parameters.Add(new NpgsqlParameter { Value = body.WeekStart.AddDays(6) });
    await WriteJsonAsync(response, command, StatusCodes.Status200OK, StatusCodes.Status200OK);
});

// The complaint list: the newest 50 of the caller's scope (a rep: their customers'; a manager: the team's customers'), with
// the names the product shows and its overdue flag.
app.MapGet("/complaints", async (string? status, Guid? owner, Guid? team, HttpResponse response) =>
{
    var scope = owner is not null ? " AND customer_owner_id = $1" : team is not null ? " AND customer_team_id = $1" : string.Empty;
    var byStatus = status is null ? string.Empty : $" AND status = ${(scope.Length > 0 ? 2 : 1)}";
    await using var command = dataSource.CreateCommand($"""
        SELECT json_build_object('items', coalesce(json_agg(json_build_object('id', c.id, 'customerId', c.customer_id, 'customerName', c.customer_name,
                 'keyCustomer', c.key_customer, 'channel', {CamelCase("c.channel")}, 'severity', {CamelCase("c.severity")}, 'title', c.title,
                 'description', c.description, 'product', c.product, 'contactName', c.contact_name, 'receivedAt', c.received_at,
                 'marketReportId', c.market_report_id, 'dealId', c.deal_id, 'dealTitle', c.deal_title, 'receivedBy', c.received_by, 'receivedByName', r.display_name, 'ownerId', c.owner_id,
                 'ownerName', o.display_name, 'status', {CamelCase("c.status")}, 'acknowledgedAt', c.acknowledged_at, 'promisedAt', c.promised_at,
                 'overdue', c.promised_at < now() AND c.status NOT IN ('Resolved', 'Closed'), 'breachedAt', c.breached_at,
                 'resolutionKind', c.resolution_kind, 'resolutionCost', c.resolution_cost, 'resolvedAt', c.resolved_at, 'closedAt', c.closed_at,
                 'reopenCount', c.reopen_count, 'causeKey', c.cause_key, 'version', c.xmin::text::bigint) ORDER BY c.id DESC), '[]'), 'nextCursor', NULL)::text
        FROM (SELECT *, xmin FROM complaints.complaints WHERE NOT customer_archived{scope}{byStatus} ORDER BY id DESC LIMIT 51) AS c
        LEFT JOIN identity.users r ON r.id = c.received_by
        LEFT JOIN identity.users o ON o.id = c.owner_id
        """);
    if ((owner ?? team) is { } scoped)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = scoped });
    }

    if (status is not null)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = status });
    }

    await WriteJsonAsync(response, command, StatusCodes.Status200OK);
});

// Pareto of a period's complaints by cause (count, cost, share, cumulative share, the vital few) and the SLA figures, in one
// statement over the caller's scope.
app.MapGet("/complaints/pareto", async (DateOnly from, DateOnly to, Guid? team, HttpResponse response) =>
{
    var scope = team is not null ? " AND customer_team_id = $3" : string.Empty;
    await using var command = dataSource.CreateCommand($"""
        WITH c AS (SELECT * FROM complaints.complaints
                   WHERE NOT customer_archived AND received_at >= $1::timestamp AT TIME ZONE 'Asia/Shanghai'
                     AND received_at < ($2 + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'{scope}),
        by_cause AS (SELECT cause_key, count(*) AS n, sum(coalesce(resolution_cost, 0)) AS cost FROM c GROUP BY cause_key),
        caused AS (SELECT b.*, k.name, k.english_name, sum(b.n) OVER () AS total,
                          sum(b.n) OVER (ORDER BY b.n DESC, b.cost DESC, b.cause_key) AS running
                   FROM by_cause b JOIN complaints.complaint_causes k ON k.key = b.cause_key)
        SELECT json_build_object('from', $1, 'to', $2, 'total', (SELECT coalesce(sum(n), 0) FROM by_cause),
                 'totalCost', (SELECT coalesce(sum(cost), 0) FROM by_cause), 'uncaused', (SELECT coalesce(sum(n), 0) FROM by_cause WHERE cause_key IS NULL),
                 'causes', (SELECT coalesce(json_agg(json_build_object('causeKey', cause_key, 'name', name, 'englishName', english_name, 'count', n, 'cost', cost,
                              'share', round(100.0 * n / total, 1), 'cumulativeShare', round(100.0 * running / total, 1),
                              'vital', 100.0 * (running - n) / total < 80) ORDER BY n DESC, cost DESC, cause_key), '[]') FROM caused),
                 'sla', (SELECT json_build_object('received', count(*), 'acknowledged', count(acknowledged_at),
                           'averageHoursToAcknowledge', round((avg(extract(epoch FROM acknowledged_at - received_at)) / 3600)::numeric, 1),
                           'resolved', count(resolved_at), 'resolvedOnTime', count(*) FILTER (WHERE resolved_at <= promised_at),
                           'averageHoursToResolve', round((avg(extract(epoch FROM resolved_at - received_at)) / 3600)::numeric, 1),
                           'reopened', count(*) FILTER (WHERE reopen_count > 0)) FROM c))::text
        """);
    command.Parameters.Add(new NpgsqlParameter { Value = from });
    command.Parameters.Add(new NpgsqlParameter { Value = to });
    if (team is { } scoped)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = scoped });
    }

    await WriteJsonAsync(response, command, StatusCodes.Status200OK);
});

// The standard answers a term finds among those in use, the most used first, with their usage: one statement, planned for
// its term as the product plans it.
app.MapGet("/complaints/answers", async (string q, HttpResponse response) =>
{
    var term = q.Trim().ToLowerInvariant();
    var gram = term.Length <= 2 && term.All(c => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF'));
    var match = gram ? "search_grams @> ARRAY[$1]" : "search_text LIKE $1";
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    await using (var customPlans = new NpgsqlCommand("SET LOCAL plan_cache_mode = force_custom_plan", connection, transaction))
    {
        await customPlans.ExecuteNonQueryAsync();
    }

    await using var command = new NpgsqlCommand($"""
        SELECT coalesce(json_agg(json_build_object('id', a.id, 'question', a.question, 'answer', a.answer, 'product', a.product, 'causeKey', a.cause_key,
                 'edition', a.edition, 'usageCount', a.uses, 'active', a.active, 'updatedBy', a.updated_by, 'updatedByName', u.display_name,
                 'updatedAt', a.updated_at, 'version', a.xmin::text::bigint) ORDER BY a.uses DESC, a.updated_at DESC, a.id), '[]')::text
        FROM (SELECT s.*, s.xmin, (SELECT count(*) FROM complaints.complaint_steps k WHERE k.answer_id = s.id) AS uses
              FROM complaints.standard_answers s WHERE s.active AND {match}
              ORDER BY uses DESC, s.updated_at DESC, s.id LIMIT 20) AS a
        LEFT JOIN identity.users u ON u.id = a.updated_by
        """, connection, transaction);
    command.Parameters.Add(new NpgsqlParameter { Value = gram ? term : "%" + term + "%", NpgsqlDbType = NpgsqlDbType.Text });
    await WriteJsonAsync(response, command, StatusCodes.Status200OK);
});

await app.RunAsync();

static async Task<Guid[]> AllTeamsAsync(NpgsqlDataSource dataSource)
{
    await using var command = dataSource.CreateCommand("SELECT array_agg(id) FROM identity.teams");
    return (Guid[])(await command.ExecuteScalarAsync())!;
}

static (string Clause, Guid? Value) Scope(Guid? owner, Guid? team) =>
    owner is { } o ? (" AND owner_id = $S", o) : team is { } t ? (" AND team_id = $S", t) : (string.Empty, null);

static void AddScope(NpgsqlCommand command, Guid? scopeValue)
{
    if (scopeValue is { } value)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value });
    }
}

static void AddFields(NpgsqlCommand command, Guid id, CustomerBody body)
{
    object Text(string? value) => string.IsNullOrWhiteSpace(value) ? DBNull.Value : value.Trim();
    command.Parameters.Add(new NpgsqlParameter { Value = id });
    command.Parameters.Add(new NpgsqlParameter { Value = body.Name.Trim() });
    command.Parameters.Add(new NpgsqlParameter { Value = Capitalized(body.Kind) });
    foreach (var value in new[] { body.Phone, body.Email, body.Company, body.Position, body.Region, body.Industry })
    {
        command.Parameters.Add(new NpgsqlParameter { Value = Text(value), NpgsqlDbType = NpgsqlDbType.Varchar });
    }

    command.Parameters.Add(new NpgsqlParameter { Value = Capitalized(body.Stage) });
}

static string CamelCase(string column) => $"lower(left({column}, 1)) || substr({column}, 2)";

static string Capitalized(string value) => char.ToUpperInvariant(value[0]) + value[1..];

static async Task WriteJsonAsync(HttpResponse response, NpgsqlCommand command, int found, int missing = StatusCodes.Status404NotFound)
{
    var json = (string?)await command.ExecuteScalarAsync();
    response.StatusCode = json is null ? missing : found;
    if (json is not null)
    {
        response.ContentType = "application/json";
        await response.WriteAsync(json);
    }
}

internal sealed record WeekBody(Guid TeamId, DateOnly WeekStart);

internal sealed record CustomerBody(string Name, string Kind, string? Phone, string? Email, string? Company, string? Position, string? Region, string? Industry, string Stage);
