using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.BuildingBlocks.Paging;

public static class AllowedQueryParameters
{
    /// <summary>
    /// Rejects any query parameter not in the allow-list with a 400 naming it, so a misspelt filter
    /// never silently returns the unfiltered list.
    /// </summary>
    public static TBuilder AllowQuery<TBuilder>(this TBuilder builder, params string[] allowed)
        where TBuilder : IEndpointConventionBuilder
    {
        var allowList = new HashSet<string>(allowed, StringComparer.OrdinalIgnoreCase);
        builder.AddEndpointFilter(async (context, next) =>
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
        });
        return builder;
    }
}
