using System.Globalization;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CrmPlatform.BuildingBlocks.Concurrency;

/// <summary>Strong ETags from the row version (PostgreSQL <c>xmin</c>).</summary>
public static class ETags
{
    public static string Format(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void SetETag(this HttpResponse response, uint version) => response.Headers.ETag = Format(version);

    /// <summary>
    /// The version the client last read, from If-Match. Missing → 428. A value that cannot be one of
    /// our ETags (weak, "*", garbage) can never match the current version → 412.
    /// </summary>
    public static Result<uint> ParseIfMatch(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Error.IfMatchRequired;
        }

        return EntityTagHeaderValue.TryParse(ifMatch.Trim(), out var tag)
            && !tag.IsWeak
            && uint.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : Error.StaleVersion;
    }

    /// <summary>
    /// A change guarded by If-Match, answered one way: 428 or 412 before anything runs, the change's problem,
    /// or 200 with the changed resource and its new ETag.
    /// </summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> ChangeAsync<T>(
        this HttpResponse response, string? ifMatch, Func<uint, ValueTask<Result<T>>> change, Func<T, uint> versionOf)
    {
        var expected = ParseIfMatch(ifMatch);
        if (!expected.IsSuccess)
        {
            return Problems.From(expected.Error);
        }

        return (await change(expected.Value)).ToHttp(value =>
        {
            response.SetETag(versionOf(value));
            return TypedResults.Ok(value);
        });
    }

    /// <summary>The same for a change that answers no body (archive, remove, release): 428 or 412, the change's problem, or 204.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ChangeWithoutBodyAsync<T>(string? ifMatch, Func<uint, ValueTask<Result<T>>> change)
    {
        var expected = ParseIfMatch(ifMatch);
        return expected.IsSuccess ? (await change(expected.Value)).ToHttp(_ => TypedResults.NoContent()) : Problems.From(expected.Error);
    }
}
