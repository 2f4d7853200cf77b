using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.BuildingBlocks.Security;

/// <summary>A read-only personal API token may call safe methods only, on every endpoint.</summary>
internal sealed class ReadOnlyTokenGuard(RequestDelegate next)
{
    private static readonly Error ReadOnlyToken = Error.Forbidden("token.read_only", "This API token is read-only.");

    public async Task InvokeAsync(HttpContext context)
    {
        var isSafe = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method);
        if (!isSafe && context.User.HasClaim(CrmClaims.TokenScope, CrmClaims.ReadScope))
        {
            await Problems.From(ReadOnlyToken).ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
