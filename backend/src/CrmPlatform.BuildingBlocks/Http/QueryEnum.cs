using System.Text.Json;

namespace CrmPlatform.BuildingBlocks.Http;

/// <summary>
/// A query parameter that takes one of <typeparamref name="TEnum"/>'s values, spelt as the JSON spells
/// them ("loyal", "nameDescending"; any case). Minimal APIs bind a bare enum by its exact C# name and
/// would accept numbers; this binds what clients send, and the OpenAPI document shows the enum itself.
/// A value that is not one of them is a 400 naming the parameter and listing the allowed values.
/// </summary>
public readonly record struct QueryEnum<TEnum>(TEnum Value)
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName = Enum.GetValues<TEnum>()
        .ToDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), StringComparer.OrdinalIgnoreCase);

    public static bool TryParse(string? value, out QueryEnum<TEnum> result)
    {
        var found = ByName.TryGetValue(value ?? string.Empty, out var parsed);
        result = new QueryEnum<TEnum>(parsed);
        return found;
    }

    public override string ToString() => JsonNamingPolicy.CamelCase.ConvertName(Value.ToString());
}

public static class QueryEnum
{
    /// <summary>The enum of a <see cref="QueryEnum{TEnum}"/> (or nullable one) parameter type; null for any other type.</summary>
    public static Type? EnumOf(Type parameterType)
    {
        var type = Nullable.GetUnderlyingType(parameterType) ?? parameterType;
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(QueryEnum<>) ? type.GetGenericArguments()[0] : null;
    }

    /// <summary>The camelCase names a query parameter of <paramref name="enumType"/> accepts.</summary>
    public static IEnumerable<string> NamesOf(Type enumType) => Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName);
}
