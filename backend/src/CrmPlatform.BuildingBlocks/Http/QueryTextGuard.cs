using CrmPlatform.BuildingBlocks.Localization;
using CrmPlatform.BuildingBlocks.Results;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.BuildingBlocks.Http;

/// <summary>
/// Every query parameter of every route, present and future: text <see cref="StorableText"/> rejects is a
/// 400 naming the parameter before any endpoint runs. Besides sparing the database a NUL, this stops
/// .NET's number parsing from reading "5\0" as 5.
/// </summary>
internal sealed class QueryTextGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.QueryString.HasValue)
        {
            foreach (var (name, values) in context.Request.Query)
            {
                if (!StorableText.IsStorable(name) || values.Any(v => !StorableText.IsStorable(v)))
                {
                    var field = StorableText.IsStorable(name) ? name : "query";
                    return Problems.From(Error.Validation(field, CrmLocalization.Message(ValidationMessageKeys.UnstorableText))).ExecuteAsync(context);
                }
            }
        }

        return next(context);
    }
}
