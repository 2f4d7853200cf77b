using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmPlatform.Testing;

/// <summary>The API's JSON conventions: web defaults with camelCase enum strings.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
