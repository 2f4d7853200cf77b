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
        app.MapFallback((HttpContext context) =>
        {
            var path = context.Request.Path;
            if (ServerPrefixes.Any(prefix => path.StartsWithSegments(prefix)))
            {
                // An unknown API route stays a 404 problem, never the app's HTML.
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "no-cache";
            return Results.File(index, "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        app.Logger.LogInformation("Serving the SPA from {SpaRoot}", root);
    }
}
