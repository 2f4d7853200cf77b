using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmPlatform.BuildingBlocks.Localization;
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
                ? Error.Validation(
                    JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups["name"].Value),
                    InvalidValue(httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint, parameter.Groups["name"].Value, parameter.Groups["value"].Value))
                : Error.Validation("request", badRequest.Message);
        await Problems.From(error).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>What was wrong with the value; for an enum query parameter, the values it takes.</summary>
    private static string InvalidValue(Endpoint? endpoint, string parameter, string value) =>
        ParameterType(endpoint, parameter) is { } type && QueryEnum.EnumOf(type) is { } enumType
            ? CrmLocalization.OneOf(QueryEnum.NamesOf(enumType))
            : $"'{value}' is not a valid value.";

    /// <summary>The declared type of a handler parameter, or of a member of its <c>[AsParameters]</c> record.</summary>
    private static Type? ParameterType(Endpoint? endpoint, string name)
    {
        var method = endpoint?.Metadata.GetMetadata<MethodInfo>();
        return method is null
            ? null
            : method.GetParameters().FirstOrDefault(p => p.Name == name)?.ParameterType
                ?? QueryRecord.MembersOf(method).FirstOrDefault(m => m.Name == name)?.PropertyType;
    }

    /// <summary>ASP.NET's binding message: Failed to bind parameter "Guid? ownerId" from "abc".</summary>
    [GeneratedRegex(@"Failed to bind parameter ""[^""]* (?<name>[A-Za-z0-9_]+)"" from ""(?<value>[^""]*)""")]
    private static partial Regex BoundParameter();

    /// <summary>"$.owner.phone" → "owner.phone"; "$" (the whole body) → "body".</summary>
    private static string JsonPathToField(string path) =>
        path.TrimStart('$').TrimStart('.') is { Length: > 0 } field ? field : "body";
}
