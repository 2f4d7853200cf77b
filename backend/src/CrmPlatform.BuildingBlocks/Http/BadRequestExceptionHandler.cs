using System.Text.Json;
using System.Text.RegularExpressions;
using CrmPlatform.BuildingBlocks.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.BuildingBlocks.Http;

/// <summary>
/// Turns request-binding failures (malformed JSON, a value of the wrong type, an unparsable route or
/// query value) into a 400 naming the field, instead of an empty 400 or a 500.
/// </summary>
internal sealed partial class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var error = badRequest.InnerException is JsonException { Path: { } path }
            ? Error.Validation(JsonPathToField(path), "The value is not valid for this field.")
            : BoundParameter().Match(badRequest.Message) is { Success: true } parameter
                ? Error.Validation(parameter.Groups["name"].Value, $"'{parameter.Groups["value"].Value}' is not a valid value.")
                : Error.Validation("request", badRequest.Message);
        await Problems.From(error).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>ASP.NET's binding message: Failed to bind parameter "Guid? ownerId" from "abc".</summary>
    [GeneratedRegex(@"Failed to bind parameter ""[^""]* (?<name>[A-Za-z0-9_]+)"" from ""(?<value>[^""]*)""")]
    private static partial Regex BoundParameter();

    /// <summary>"$.owner.phone" → "owner.phone"; "$" (the whole body) → "body".</summary>
    private static string JsonPathToField(string path) =>
        path.TrimStart('$').TrimStart('.') is { Length: > 0 } field ? field : "body";
}
