// Splits the contract into one OpenAPI document per SPA module, so each module's TypeScript client is a file of
// its own and a page downloads only the clients it uses (ADR 0032). Run by CrmPlatform.Client.csproj:
//   dotnet run --file OpenApiByModule.cs -- <contract.json> <output folder> <module>=<Tag>[,<Tag>...] ...
// Every operation belongs to exactly one module by its first tag; an operation no module claims fails the build,
// so a new API area must be given a module. A module's document keeps only the schemas its operations reach.
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: OpenApiByModule.cs <contract.json> <output folder> <module>=<Tag>[,<Tag>...] ...");
    return 2;
}

var contract = JsonNode.Parse(File.ReadAllText(args[0]))!.AsObject();
var outputFolder = args[1];
var moduleOfTag = new Dictionary<string, string>(StringComparer.Ordinal);
foreach (var spec in args.Skip(2))
{
    var parts = spec.Split('=', 2);
    if (parts.Length != 2 || parts[0].Length == 0)
    {
        Console.Error.WriteLine($"OpenApiByModule: '{spec}' is not <module>=<Tag>[,<Tag>...]");
        return 2;
    }
    var module = parts[0];
    foreach (var tag in parts[1].Split(','))
    {
        if (!moduleOfTag.TryAdd(tag, module))
        {
            Console.Error.WriteLine($"OpenApiByModule: tag '{tag}' is given to both {moduleOfTag[tag]} and {module}");
            return 1;
        }
    }
}

var unclaimed = Operations(contract)
    .Where(operation => !moduleOfTag.ContainsKey(FirstTag(operation.Body)))
    .Select(operation => $"{operation.Method.ToUpperInvariant()} {operation.Path} (tag '{FirstTag(operation.Body)}')")
    .ToList();
if (unclaimed.Count > 0)
{
    Console.Error.WriteLine("OpenApiByModule: no module claims " + string.Join(", ", unclaimed) + "; add its tag to a TypeScriptClient item in CrmPlatform.Client.csproj");
    return 1;
}

Directory.CreateDirectory(outputFolder);
foreach (var module in moduleOfTag.Values.Distinct())
{
    var document = ModuleDocument(contract, module);
    var path = Path.Combine(outputFolder, module + ".json");
    var text = document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    // Unchanged documents keep their timestamps, so NSwag reruns only for the modules that changed.
    if (!File.Exists(path) || File.ReadAllText(path) != text)
    {
        File.WriteAllText(path, text);
    }
}
return 0;

JsonObject ModuleDocument(JsonObject source, string module)
{
    var document = source.DeepClone().AsObject();
    var paths = document["paths"]!.AsObject();
    foreach (var (path, item) in paths.ToList())
    {
        var operations = item!.AsObject();
        foreach (var (method, operation) in operations.ToList())
        {
            if (IsOperation(method) && moduleOfTag[FirstTag(operation!)] != module)
            {
                operations.Remove(method);
            }
        }
        if (!operations.Any(entry => IsOperation(entry.Key)))
        {
            paths.Remove(path);
        }
    }

    var schemas = document["components"]?["schemas"]?.AsObject();
    if (schemas is not null)
    {
        var reached = ReachedSchemas(paths, schemas);
        foreach (var name in schemas.Select(entry => entry.Key).Where(name => !reached.Contains(name)).ToList())
        {
            schemas.Remove(name);
        }
    }

    if (document["tags"] is JsonArray tags)
    {
        foreach (var tag in tags.Where(tag => moduleOfTag.GetValueOrDefault(tag!["name"]!.GetValue<string>()) != module).ToList())
        {
            tags.Remove(tag);
        }
    }
    return document;
}

// The schemas the paths refer to, and the schemas those refer to, to the end.
HashSet<string> ReachedSchemas(JsonNode paths, JsonObject schemas)
{
    var reached = new HashSet<string>(StringComparer.Ordinal);
    var pending = new Stack<string>(References(paths));
    while (pending.TryPop(out var name))
    {
        if (reached.Add(name) && schemas[name] is { } schema)
        {
            foreach (var referenced in References(schema))
            {
                pending.Push(referenced);
            }
        }
    }
    return reached;
}

IEnumerable<string> References(JsonNode node) =>
    Regex.Matches(node.ToJsonString(), "\"#/components/schemas/([^\"]+)\"").Select(match => match.Groups[1].Value);

IEnumerable<(string Path, string Method, JsonNode Body)> Operations(JsonObject document) =>
    from path in document["paths"]!.AsObject()
    from operation in path.Value!.AsObject()
    where IsOperation(operation.Key)
    select (path.Key, operation.Key, operation.Value!);

string FirstTag(JsonNode operation) => operation["tags"]?[0]?.GetValue<string>() ?? "(none)";

static bool IsOperation(string key) => key is "get" or "put" or "post" or "delete" or "patch" or "head" or "options" or "trace";
