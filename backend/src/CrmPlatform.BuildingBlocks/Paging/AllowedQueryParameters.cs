using System.Reflection;
using System.Text.Json;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CrmPlatform.BuildingBlocks.Paging;

public static class AllowedQueryParameters
{
    /// <summary>
    /// Rejects any query parameter the endpoint does not declare with a 400 naming it, so a misspelt
    /// filter never silently returns the unfiltered list. The allow-list is read from the endpoint's
    /// <c>[AsParameters]</c> query record: declared once, there.
    /// </summary>
    public static TBuilder RejectUnknownQuery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var allowed = QueryNamesOf(factory.MethodInfo);
            var allowList = new HashSet<string>(allowed, StringComparer.OrdinalIgnoreCase);
            return async context =>
            {
                var query = context.HttpContext.Request.Query.Keys;
                if (query.All(allowList.Contains))
                {
                    return await next(context);
                }

                var fields = query.Where(k => !allowList.Contains(k)).ToDictionary(
                    k => k,
                    k => new[] { $"Unknown query parameter '{k}'. Allowed: {string.Join(", ", allowed)}." });
                return Problems.From(Error.Validation(fields));
            };
        });

    /// <summary>The members of the endpoint's <c>[AsParameters]</c> records and its <c>[FromQuery]</c> parameters, by their query names.</summary>
    internal static IReadOnlyList<string> QueryNamesOf(MethodInfo endpoint) =>
    [
        .. QueryRecord.MembersOf(endpoint)
            .Select(m => m.GetCustomAttribute<FromQueryAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(m.Name)),
        .. endpoint.GetParameters()
            .Where(p => p.GetCustomAttribute<FromQueryAttribute>() is not null)
            .Select(p => p.GetCustomAttribute<FromQueryAttribute>()!.Name ?? p.Name!),
    ];
}
