using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmPlatform.BuildingBlocks.Http;

namespace CrmPlatform.BuildingBlocks.Paging;

/// <summary>
/// Opaque keyset position: the sort it belongs to, the last row's sort key and its id (the tie-breaker).
/// Encoded as base64url JSON; clients pass it back unchanged.
/// </summary>
public sealed record Cursor(
    [property: JsonPropertyName("s")] string Sort,
    [property: JsonPropertyName("k")] string? Key,
    [property: JsonPropertyName("i")] Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, CursorJson.Default.Cursor));

    public static bool TryDecode(string? value, string expectedSort, [NotNullWhen(true)] out Cursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value) || value.Length > 1024)
        {
            return false;
        }

        try
        {
            var decoded = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(value), CursorJson.Default.Cursor);
            // A crafted cursor is client text like any other: the key goes to the database.
            if (decoded is not null && decoded.Sort == expectedSort && (decoded.Key is null || StorableText.IsStorable(decoded.Key)))
            {
                cursor = decoded;
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }

        return cursor is not null;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Cursor))]
internal sealed partial class CursorJson : System.Text.Json.Serialization.JsonSerializerContext;
