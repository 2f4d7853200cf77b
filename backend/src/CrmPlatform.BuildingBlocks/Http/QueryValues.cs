using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using CrmPlatform.BuildingBlocks.Results;

namespace CrmPlatform.BuildingBlocks.Http;

public static class QueryValues
{
    /// <summary>
    /// Parses an enum query value case-insensitively ("loyal", as the JSON spells it), with a 400
    /// naming the parameter and the allowed values when it is not one of them.
    /// </summary>
    public static bool TryParseEnum<TEnum>(string? raw, string parameter, out TEnum? value, [NotNullWhen(false)] out Error? error)
        where TEnum : struct, Enum
    {
        value = null;
        error = null;
        if (string.IsNullOrEmpty(raw))
        {
            return true;
        }

        if (!int.TryParse(raw, out _) && Enum.TryParse<TEnum>(raw, ignoreCase: true, out var parsed))
        {
            value = parsed;
            return true;
        }

        var allowed = Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName);
        error = Error.Validation(parameter, $"'{raw}' is not one of: {string.Join(", ", allowed)}.");
        return false;
    }
}
