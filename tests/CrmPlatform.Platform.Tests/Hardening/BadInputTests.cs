using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmPlatform.Platform.Tests.Host;
using Xunit.Abstractions;

namespace CrmPlatform.Platform.Tests.Hardening;

/// <summary>The app with the SPA served (its fallback in the way, as in production), and no sign-in waits to hide deeper paths.</summary>
public sealed class ProbedApp : SpaApp
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Crm:LoginThrottle:FreeAttemptsPerAccount"] = "100000",
    };
}

/// <summary>
/// Every operation of the served OpenAPI document — present and future — gets malformed variants of
/// its body, query, path and headers, as an anonymous caller and as a rep. Whatever comes in, the API
/// never answers 5xx, every 4xx is problem+json whose <c>status</c> is the code, and no body leaks a
/// stack trace or SQL. A new module is covered the day its endpoints are mapped.
/// </summary>
public sealed class BadInputTests(ProbedApp app, ITestOutputHelper output) : IClassFixture<ProbedApp>
{
    private static readonly string[] Leaks = ["   at ", "Exception", "Npgsql", "SELECT ", "INSERT ", "UPDATE ", "stack"];

    [Fact]
    public async Task Malformed_requests_to_every_operation_are_4xx_problems_never_5xx()
    {
        using var anonymous = app.Anonymous();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var operations = OpenApiOperation.AllIn(document);
        operations.Should().NotBeEmpty();

        var failures = new List<string>();
        var sent = 0;
        var byStatus = new SortedDictionary<int, int>();
        foreach (var operation in operations)
        {
            foreach (var caller in new[] { "anonymous", DemoUsers.RepEast })
            {
                // A session of its own per operation: logout is one of the operations.
                using var client = caller == "anonymous" ? app.Anonymous() : await SignInFreshAsync(caller);
                foreach (var variant in BadRequests.For(operation))
                {
                    using var response = await client.SendAsync(variant.Build());
                    sent++;
                    byStatus[(int)response.StatusCode] = byStatus.GetValueOrDefault((int)response.StatusCode) + 1;
                    if (await ProblemWith(response) is { } problem)
                    {
                        failures.Add($"{caller} {operation.Method} {operation.Path} [{variant.Description}]: {problem}");
                    }
                }
            }
        }

        output.WriteLine($"{operations.Count} operations, {sent} requests; by status: {string.Join(", ", byStatus.Select(s => $"{s.Key}×{s.Value}"))}");
        // The failures first: they name the operation and the request.
        failures.Should().BeEmpty();
        byStatus.Keys.Should().NotContain(code => code >= 500, "a malformed request is the client's error");
    }

    private async Task<HttpClient> SignInFreshAsync(string userName)
    {
        using var anonymous = app.Anonymous();
        var response = await anonymous.PostJsonAsync("/api/v1/auth/login", new { userName, password = DemoUsers.Password });
        var token = (await response.ReadAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        return app.WithBearer(token);
    }

    /// <summary>What is wrong with an answer to a malformed request, or null when it is right.</summary>
    private static async Task<string?> ProblemWith(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"{status}: {body}";
        }

        if (Leaks.FirstOrDefault(leak => body.Contains(leak, StringComparison.Ordinal)) is { } leak)
        {
            return $"{status} body shows '{leak}': {body[..Math.Min(body.Length, 300)]}";
        }

        if (status < 400)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} with {response.Content.Headers.ContentType}";
        }

        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("status", out var value) && value.GetInt32() == status
                ? null
                : $"{status} with a problem whose status differs: {body}";
        }
        catch (JsonException)
        {
            return $"{status} with a body that is not JSON: {body}";
        }
    }
}

/// <summary>One operation of the OpenAPI document, with its schemas resolved.</summary>
internal sealed record OpenApiOperation(string Method, string Path, IReadOnlyList<OpenApiParameter> Parameters, JsonNode? Body)
{
    public static IReadOnlyList<OpenApiOperation> AllIn(JsonNode document) =>
    [
        .. from path in document["paths"]!.AsObject()
           from operation in path.Value!.AsObject()
           select new OpenApiOperation(
               operation.Key.ToUpperInvariant(),
               path.Key,
               [.. (operation.Value!["parameters"]?.AsArray() ?? []).Select(p => new OpenApiParameter(
                   p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), Resolve(document, p["schema"])))],
               Resolve(document, operation.Value["requestBody"]?["content"]?["application/json"]?["schema"])),
    ];

    /// <summary>Follows <c>$ref</c> (also inside properties and items), so variants see the real types.</summary>
    private static JsonNode? Resolve(JsonNode document, JsonNode? schema)
    {
        if (schema?["$ref"]?.GetValue<string>() is { } reference)
        {
            return Resolve(document, document["components"]!["schemas"]![reference.Split('/')[^1]]);
        }

        if (schema is not JsonObject obj)
        {
            return schema;
        }

        var resolved = new JsonObject();
        foreach (var (key, value) in obj)
        {
            resolved[key] = key switch
            {
                "properties" => new JsonObject(value!.AsObject().Select(p => KeyValuePair.Create(p.Key, Resolve(document, p.Value)?.DeepClone()))),
                "items" => Resolve(document, value)?.DeepClone(),
                _ => value?.DeepClone(),
            };
        }

        return resolved;
    }
}

internal sealed record OpenApiParameter(string Name, string In, JsonNode? Schema);

internal sealed record BadRequest(string Description, Func<HttpRequestMessage> Build);

/// <summary>The malformed variants of one operation: each starts from a plausible request and breaks one thing.</summary>
internal static class BadRequests
{
    private static readonly string Huge = new('長', 100 * 1024);

    /// <summary>Text every string field and query value is tried with.</summary>
    private static readonly (string Name, string Value)[] Texts =
    [
        ("empty", ""), ("NUL", "a\u0000b"), ("control", "a\u0001\u001fb"), ("lone surrogate", "a\ud800b"), ("100 KB", Huge),
        ("emoji, RTL and CJK", "😀 مرحبا 客户 \u202e"), ("LIKE metacharacters", "%_\\%"), ("SQL", "'; DROP TABLE x; --"), ("spaces", "   "),
    ];

    /// <summary>Values for numbers, enums and the rest: wrong types, out of range, null.</summary>
    private static readonly (string Name, JsonNode? Value)[] Values =
    [
        ("null", null), ("number", 1), ("negative", -1), ("huge number", JsonValue.Create(1e40)), ("int overflow", 2147483648L),
        ("fraction", 1.5), ("string number", "1"), ("enum index", 0), ("boolean", true), ("object", new JsonObject()), ("array", new JsonArray()),
        ("NUL text", "\u0000"), ("unknown word", "nonsense"),
    ];

    private static readonly string[] BogusIds = ["not-a-guid", "00000000-0000-0000-0000-000000000000", Guid.NewGuid().ToString(), "%00", "' OR 1=1"];

    private static readonly string[] Cursors = ["!!!", "eyJzIjoibmFtZSIsImsiOiJhXHUwMDAwIiwiaSI6IjAxOTlhMWIyLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMSJ9", "e30", "bnVsbA"];

    private static readonly string[] IfMatches = ["garbage", "\"x\"", "W/\"1\"", "*", new('"', 300), "\"" + new string('9', 40) + "\""];

    public static IEnumerable<BadRequest> For(OpenApiOperation operation)
    {
        var body = operation.Body is null ? null : Sample(operation.Body);
        HttpRequestMessage Request(string? path = null, string? query = null, JsonNode? json = null, string? raw = null, string contentType = "application/json", (string, string)? header = null)
        {
            var request = new HttpRequestMessage(new HttpMethod(operation.Method), (path ?? FillPath(operation, null)) + (query is null ? "" : "?" + query));
            var content = raw ?? (json ?? body)?.ToJsonString();
            if (content is not null)
            {
                request.Content = new StringContent(content, Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            }

            if (header is var (name, value))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return request;
        }

        yield return new("as documented", () => Request());
        foreach (var id in BogusIds.Where(_ => operation.Path.Contains('{', StringComparison.Ordinal)))
        {
            yield return new($"path id {id}", () => Request(path: FillPath(operation, Uri.EscapeDataString(id))));
        }

        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            var values = Texts.Select(t => (t.Name, t.Value)).Concat([("negative", "-1"), ("overflow", "99999999999"), ("trailing NUL number", "5\u0000"), ("decimal", "1.5")]);
            if (parameter.Name == "cursor")
            {
                values = values.Concat(Cursors.Select(c => ("cursor " + c[..3], c)));
            }

            foreach (var (name, value) in values)
            {
                yield return new($"query {parameter.Name} {name}", () => Request(query: $"{parameter.Name}={Uri.EscapeDataString(value)}"));
            }
        }

        yield return new("unknown query parameter", () => Request(query: "nosuch=1"));
        foreach (var ifMatch in IfMatches.Where(_ => operation.Parameters.Any(p => p.Name == "If-Match")))
        {
            yield return new($"If-Match {ifMatch[..Math.Min(ifMatch.Length, 8)]}", () => Request(header: ("If-Match", ifMatch)));
        }

        if (operation.Method == "POST")
        {
            yield return new("oversized Idempotency-Key", () => Request(header: ("Idempotency-Key", new string('k', 10_000))));
            yield return new("control characters in Idempotency-Key", () => Request(header: ("Idempotency-Key", "key\u0001")));
        }

        if (operation.Method is not ("POST" or "PUT" or "PATCH"))
        {
            yield break;
        }

        foreach (var raw in new[] { "", "{", "[]", "null", "\"text\"", "{\"a\":", "{}", "\u0000", "{\"name\":\"\\ud800\"}" })
        {
            yield return new($"body {raw}", () => Request(raw: raw));
        }

        yield return new("not JSON", () => Request(raw: "name=x", contentType: "text/plain"));
        yield return new("form", () => Request(raw: "name=x", contentType: "application/x-www-form-urlencoded"));
        yield return new("invalid UTF-8", () =>
        {
            var request = Request();
            request.Content = new ByteArrayContent([0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            return request;
        });
        if (body is not JsonObject sample || operation.Body?["properties"] is not JsonObject properties)
        {
            yield break;
        }

        yield return new("unknown member", () => Request(json: With(sample, "noSuchMember", "x")));
        foreach (var (property, _) in properties)
        {
            yield return new($"{property} missing", () => Request(json: Without(sample, property)));
            foreach (var (name, value) in Texts)
            {
                yield return new($"{property} {name}", () => Request(json: With(sample, property, value)));
            }

            foreach (var (name, value) in Values)
            {
                yield return new($"{property} {name}", () => Request(json: With(sample, property, value?.DeepClone())));
            }
        }
    }

    /// <summary>
    /// A plausible value for a schema: its required members, each with a valid-looking value, or every
    /// member when none is required (so a login body has both name and password, and each variant
    /// breaks one of them while the other gets through).
    /// </summary>
    private static JsonNode? Sample(JsonNode schema)
    {
        if (schema["enum"] is JsonArray values)
        {
            return values[0]?.DeepClone();
        }

        var type = schema["type"] is JsonArray types ? types.Select(t => t!.GetValue<string>()).First(t => t != "null") : schema["type"]?.GetValue<string>();
        return type switch
        {
            "object" or null when schema["properties"] is JsonObject properties => new JsonObject(
                (schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? properties.Select(p => p.Key))
                .Select(name => KeyValuePair.Create(name, properties[name] is { } member ? Sample(member) : null))),
            "string" => schema["format"]?.GetValue<string>() == "uuid" ? Guid.NewGuid().ToString() : "Bad-input probe",
            "integer" or "number" => 1,
            "boolean" => true,
            "array" => new JsonArray(),
            _ => null,
        };
    }

    private static string FillPath(OpenApiOperation operation, string? id) =>
        System.Text.RegularExpressions.Regex.Replace(operation.Path, @"\{[^}]+\}", id ?? Guid.NewGuid().ToString());

    private static JsonObject With(JsonObject sample, string property, JsonNode? value)
    {
        var copy = sample.DeepClone().AsObject();
        copy[property] = value;
        return copy;
    }

    private static JsonObject Without(JsonObject sample, string property)
    {
        var copy = sample.DeepClone().AsObject();
        copy.Remove(property);
        return copy;
    }
}
