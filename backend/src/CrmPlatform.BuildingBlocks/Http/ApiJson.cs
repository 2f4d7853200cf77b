using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CrmPlatform.BuildingBlocks.Http;

/// <summary>
/// How request bodies are read, so that the API does what its OpenAPI document says: enums only by
/// their camelCase names (never numbers), a member the schema does not declare is an error (the schema
/// says <c>additionalProperties: false</c>), a member the schema marks required must be present, and no
/// string carries text the database cannot store (<see cref="StorableText"/>).
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new StorableStringConverter());
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequireNonNullableMembers);
    }

    /// <summary>
    /// Whether a member must be present in a body: its type is not nullable and, for a record's positional
    /// member, its parameter has no default. The OpenAPI document's <c>required</c> lists come from this
    /// rule too, so reading and documenting cannot drift apart.
    /// </summary>
    public static bool IsRequiredMember(PropertyInfo property)
    {
        var parameter = property.DeclaringType?.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal));
        if (parameter is { HasDefaultValue: true })
        {
            return false;
        }

        return property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is null
            : new NullabilityInfoContext().Create(property).ReadState == NullabilityState.NotNull;
    }

    /// <summary>
    /// An omitted required member is a 400 naming it, not silently the first enum value or null. Only
    /// members a body can set; <c>required</c> and <c>[JsonRequired]</c> keep their say.
    /// </summary>
    private static void RequireNonNullableMembers(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var member in type.Properties)
        {
            member.IsRequired |= member is { IsExtensionData: false, Set: not null, AttributeProvider: PropertyInfo property } && IsRequiredMember(property);
        }
    }

    /// <summary>Reads strings as usual, but refuses text that <see cref="StorableText"/> rejects.</summary>
    private sealed class StorableStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string? value;
            try
            {
                value = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                // Not a string token, or an escaped lone surrogate the reader cannot decode.
                throw new JsonException();
            }

            return value is not null && StorableText.IsStorable(value) ? value : throw new UnstorableTextException();
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}

/// <summary>A JSON string held characters <see cref="StorableText"/> rejects; its <c>Path</c> names the field.</summary>
public sealed class UnstorableTextException() : JsonException("The text contains control characters that cannot be stored.");
