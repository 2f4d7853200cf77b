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
    /// <c>[AsParameters]</c> query record (and any <c>[FromQuery]</c> parameter): declared once, there.
    /// </summary>
    public static TBuilder RejectUnknownQuery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var allowed = QueryNamesOf(factory.MethodInfo);
            var allowList = new HashSet<string>(allowed, StringComparer.OrdinalIgnoreCase);
            return async context =>
            {
                var unknown = context.HttpContext.Request.Query.Keys.Where(k => !allowList.Contains(k)).ToList();
                if (unknown.Count == 0)
                {
                    return await next(context);
                }

                var fields = unknown.ToDictionary(
                    k => k,
                    k => new[] { $"Unknown query parameter '{k}'. Allowed: {string.Join(", ", allowed)}." });
                return Problems.From(Error.Validation(fields));
            };
        });

    /// <summary>The members of the <c>[AsParameters]</c> records, and the <c>[FromQuery]</c> parameters, by their query names.</summary>
    internal static IReadOnlyList<string> QueryNamesOf(MethodInfo endpoint) =>
    [
        .. endpoint.GetParameters()
            .Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null)
            .SelectMany(p => p.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Select(m => QueryName(m.Name, m.GetCustomAttribute<FromQueryAttribute>())),
        .. endpoint.GetParameters()
            .Where(p => p.GetCustomAttribute<FromQueryAttribute>() is not null)
            .Select(p => QueryName(p.Name!, p.GetCustomAttribute<FromQueryAttribute>())),
    ];

    private static string QueryName(string member, FromQueryAttribute? fromQuery) =>
        fromQuery?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(member);
}
