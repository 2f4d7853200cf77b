using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CrmPlatform.Platform.Tests.Contracts;

/// <summary>
/// The committed contract is what the API serves. Regenerate with `./crm contracts`
/// (which runs this test with CRM_UPDATE_CONTRACTS=1, then rebuilds the generated clients).
/// </summary>
public sealed partial class OpenApiContractTests(CrmApp app) : IClassFixture<CrmApp>
{
    private static readonly string CommittedPath = RepositoryPaths.Combine("contracts", "openapi", "crm-v1.json");
    private static readonly string LimitsPath = RepositoryPaths.Combine("frontend", "src", "api", "generated", "limits.ts");

    [Fact]
    public async Task The_served_document_equals_the_committed_contract()
    {
        var served = await ServedAsync();
        var formatted = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (Environment.GetEnvironmentVariable("CRM_UPDATE_CONTRACTS") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, formatted);
        }

        File.Exists(CommittedPath).Should().BeTrue("the contract is committed under contracts/openapi");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(CommittedPath));
        JsonNode.DeepEquals(served, committed).Should().BeTrue(
            "contracts/openapi/crm-v1.json must match the API; run `./crm contracts` and commit the result");
    }

    [Fact]
    public async Task The_field_limits_the_spa_enforces_are_the_contracts()
    {
        var limits = MaxLengthsModule(await ServedAsync());
        if (Environment.GetEnvironmentVariable("CRM_UPDATE_CONTRACTS") == "1")
        {
            await File.WriteAllTextAsync(LimitsPath, limits);
        }

        (await File.ReadAllTextAsync(LimitsPath)).Should().Be(limits, "frontend/src/api/generated/limits.ts is generated from the contract; run `./crm contracts`");
    }

    [Fact]
    public async Task Every_operation_has_a_module_verb_id_and_documents_its_errors_as_problem_json()
    {
        var served = await ServedAsync();
        foreach (var (path, pathItem) in served["paths"]!.AsObject())
        {
            path.Should().StartWith("/api/v1/");
            foreach (var (method, operation) in pathItem!.AsObject())
            {
                var operationId = operation!["operationId"]?.GetValue<string>();
                operationId.Should().MatchRegex(OperationId(), $"{method} {path} needs an operation id like Customers_List");
                foreach (var (status, response) in operation["responses"]!.AsObject())
                {
                    if (status.StartsWith('4'))
                    {
                        response!["content"]?.AsObject().Select(c => c.Key).Should().Contain(
                            "application/problem+json", $"{operationId} {status} must be documented as problem details");
                    }
                }
            }
        }
    }

    [Fact]
    public async Task Customers_operations_carry_the_concurrency_and_idempotency_headers()
    {
        var served = await ServedAsync();
        var customers = served["paths"]!["/api/v1/customers"]!;
        var customer = served["paths"]!["/api/v1/customers/{id}"]!;

        HeaderNames(customers["post"]!).Should().Contain("Idempotency-Key");
        HeaderNames(customer["put"]!).Should().Contain("If-Match");
        HeaderNames(customer["delete"]!).Should().Contain("If-Match");
        HeaderNames(served["paths"]!["/api/v1/auth/logout"]!["post"]!).Should().NotContain("Idempotency-Key", "signing out creates nothing");
    }

    /// <summary>
    /// The limits of every schema as a TypeScript module: the generated client carries types but not
    /// limits, and the forms must enforce what the server accepts. <c>maxLengths</c> holds each string
    /// property's maxLength (for a list of strings, each element's); <c>maxItems</c> each list's.
    /// </summary>
    private static string MaxLengthsModule(JsonNode document)
    {
        var schemas = document["components"]!["schemas"]!.AsObject().OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        var module = new System.Text.StringBuilder()
            .Append("// Generated from contracts/openapi/crm-v1.json by `./crm contracts` (OpenApiContractTests). Do not edit.\n")
            .Append("/** The longest text the API accepts in each string property (each element, for a list of strings), per schema. */\n");
        AppendLimits(module, "maxLengths", schemas, property => property["maxLength"] ?? property["items"]?["maxLength"]);
        module.Append("\n/** The most elements the API accepts in each list property, per schema. */\n");
        AppendLimits(module, "maxItems", schemas, property => property["maxItems"]);
        return module.ToString();
    }

    private static void AppendLimits(System.Text.StringBuilder module, string name, List<KeyValuePair<string, JsonNode?>> schemas, Func<JsonNode, JsonNode?> limitOf)
    {
        module.Append("export const ").Append(name).Append(" = {\n");
        foreach (var (schema, definition) in schemas)
        {
            var limited = (definition!["properties"]?.AsObject() ?? [])
                .Where(p => p.Value is not null && limitOf(p.Value) is not null)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"    {p.Key}: {limitOf(p.Value!)!.GetValue<int>()},\n"))
                .ToList();
            if (limited.Count > 0)
            {
                module.Append("  ").Append(schema).Append(": {\n").AppendJoin(string.Empty, limited).Append("  },\n");
            }
        }

        module.Append("} as const;\n");
    }

    private static IEnumerable<string> HeaderNames(JsonNode operation) =>
        (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "header").Select(p => p!["name"]!.GetValue<string>());

    private async Task<JsonNode> ServedAsync()
    {
        using var client = app.Anonymous();
        return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
    }

    [GeneratedRegex("^[A-Z][A-Za-z]+_[A-Z][A-Za-z]+$")]
    private static partial Regex OperationId();
}
