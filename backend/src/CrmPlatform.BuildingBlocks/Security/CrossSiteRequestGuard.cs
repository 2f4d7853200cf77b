using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Http;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.BuildingBlocks.Security;

/// <summary>
/// The second line of defence against cross-site request forgery, behind the SameSite=Strict session
/// cookie: a state-changing request a browser sent from another site is a 403 before anything runs.
/// Browsers say where a request came from in <c>Sec-Fetch-Site</c> (or, older ones, in <c>Origin</c>);
/// a request with a bearer token is exempt, because no browser attaches one on its own (it may attach
/// cached Basic credentials, so other schemes are not).
/// </summary>
internal sealed class CrossSiteRequestGuard(RequestDelegate next)
{
    private static readonly Error CrossSite = Error.Forbidden(
        "request.cross_site", "A state-changing request from another site is refused.");

    public Task InvokeAsync(HttpContext context) =>
        IsCrossSiteWrite(context.Request) ? Problems.From(CrossSite).ExecuteAsync(context) : next(context);

    private static bool IsCrossSiteWrite(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        if (request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site)
        {
            return site is not ("same-origin" or "none");
        }

        // Compared by host and port only: behind a TLS-terminating proxy the request's scheme is not the browser's.
        return request.Headers.Origin.ToString() is { Length: > 0 } origin
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
