using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CrmPlatform.Host.Spa;

/// <summary>
/// Serves the built React app (frontend/dist) at "/": hashed assets are cached for a year, index.html is
/// revalidated on every load so a deploy takes effect at once, and any other non-API path returns
/// index.html so client-side routes survive a reload. Without a build the host is API-only and "/" opens the API docs.
/// </summary>
internal static class SpaHosting
{
    private static readonly string[] ServerPrefixes = ["/api", "/openapi", "/docs", "/health"];

    /// <summary>Registers the route constraint the app's fallback needs; call before the app is built.</summary>
    public static IServiceCollection AddCrmSpa(this IServiceCollection services) =>
        services.Configure<RouteOptions>(options => options.SetParameterPolicy<ClientRoute>(ClientRoute.Name));

    public static void UseCrmSpa(this WebApplication app)
    {
        var root = Path.GetFullPath(app.Configuration["Crm:SpaRoot"] ?? "wwwroot", app.Environment.ContentRootPath);
        var index = Path.Combine(root, "index.html");
        if (!File.Exists(index))
        {
            app.Logger.LogInformation("No SPA build at {SpaRoot}; serving the API only", root);
            app.MapGet("/", () => Results.Redirect("/docs")).ExcludeFromDescription();
            return;
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        // Only GETs of paths outside the API reach the app: an API path with a wrong method or body stays the
        // API's 405 or 415, and an unknown API path its 404 problem, never the app's HTML.
        app.MapFallback("{*path:nonfile:" + ClientRoute.Name + "}", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return Results.File(index, "text/html; charset=utf-8");
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])).ExcludeFromDescription();
        app.Logger.LogInformation("Serving the SPA from {SpaRoot}", root);
    }

    /// <summary>A path of the app's own (client-side) routes: anything outside the server's prefixes.</summary>
    private sealed class ClientRoute : IRouteConstraint
    {
        public const string Name = "clientRoute";

        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
            !ServerPrefixes.Any(prefix => new PathString("/" + values[routeKey]).StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
    }
}
