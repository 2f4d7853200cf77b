using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmPlatform.BuildingBlocks.Localization;
using CrmPlatform.BuildingBlocks.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace CrmPlatform.BuildingBlocks.Http;

/// <summary>
/// Turns request-binding failures (malformed JSON, a value of the wrong type, a missing or unknown
/// member, unstorable text, an unparsable route or query value) into a 400 naming the field, instead
/// of an empty 400 or a 500.
/// </summary>
internal sealed partial class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var error = badRequest.InnerException is JsonException json
            ? BodyError(json, endpoint)
            : BoundParameter().Match(badRequest.Message) is { Success: true } parameter
                ? Error.Validation(
                    JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups["name"].Value),
                    InvalidQueryValue(endpoint, parameter.Groups["name"].Value, parameter.Groups["value"].Value))
                : Error.Validation("request", badRequest.Message);
        await Problems.From(error).ExecuteAsync(httpContext);
        return true;
    }

    private static Error BodyError(JsonException json, Endpoint? endpoint)
    {
        // System.Text.Json names missing required members only in its message ("… missing required properties
        // including: 'name', 'kind'."), separated by the culture's list separator and cut short when long; its
        // path is the object that lacks them, so a nested member is named as validation names it ("pool.reclaimAfterDays").
        if (json.Message.IndexOf(MissingMarker, StringComparison.Ordinal) is >= 0 and var at
            && QuotedNames().Matches(json.Message[(at + MissingMarker.Length)..]) is { Count: > 0 } missing)
        {
            var owner = (json.Path ?? "$").TrimStart('$').TrimStart('.');
            return Error.Validation(missing.Select(m => m.Groups["name"].Value).Distinct().ToDictionary(
                name => owner.Length > 0 ? $"{owner}.{name}" : name, _ => new[] { CrmLocalization.Message(ValidationMessageKeys.Required) }));
        }

        var field = JsonPathToField(json.Path);
        var message = json switch
        {
            UnstorableTextException => CrmLocalization.Message(ValidationMessageKeys.UnstorableText),
            _ when json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) =>
                CrmLocalization.Message(ValidationMessageKeys.UnknownMember),
            _ when MemberType(endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType, field) is { IsEnum: true } enumType =>
                CrmLocalization.OneOf(QueryEnum.NamesOf(enumType)),
            _ => CrmLocalization.Message(ValidationMessageKeys.InvalidValue),
        };
        return Error.Validation(field, message);
    }

    /// <summary>What was wrong with a query value; for an enum parameter, the values it takes.</summary>
    private static string InvalidQueryValue(Endpoint? endpoint, string parameter, string value) =>
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

    /// <summary>The type of the body member at a field path ("customer.kind", "items[2].stage"), unwrapped from Nullable.</summary>
    private static Type? MemberType(Type? body, string field)
    {
        var type = body;
        foreach (var segment in field.Split('.'))
        {
            var name = segment.Split('[')[0];
            type = type?.GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            if (type is not null && segment.Contains('[', StringComparison.Ordinal))
            {
                type = type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
            }
        }

        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    /// <summary>ASP.NET's binding message: Failed to bind parameter "Guid? ownerId" from "abc".</summary>
    [GeneratedRegex(@"Failed to bind parameter ""[^""]* (?<name>[A-Za-z0-9_]+)"" from ""(?<value>[^""]*)""")]
    private static partial Regex BoundParameter();

    private const string MissingMarker = "missing required properties including:";

    [GeneratedRegex(@"'(?<name>[A-Za-z0-9_]+)'")]
    private static partial Regex QuotedNames();

    /// <summary>"$.owner.phone" → "owner.phone"; "$" (the whole body) → "body".</summary>
    private static string JsonPathToField(string? path) =>
        (path ?? "$").TrimStart('$').TrimStart('.') is { Length: > 0 } field ? field : "body";
}
