namespace CrmPlatform.Host.Security;

/// <summary>
/// Browser protections on every answer — the SPA, the API docs and the API alike. The content policy
/// allows only this origin's scripts (no inline script, no eval) and forbids framing. Styles may be
/// inline because Ant Design and Swagger UI inject their CSS at run time; style injection cannot run code.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseCrmSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // At the start of the answer, so they survive the error handler clearing a failed response.
            context.Response.OnStarting(ApplyAsync, context.Response);
            return next(context);
        });
        // Only over HTTPS, and never for localhost (a developer's other local sites would inherit it).
        return app.UseHsts();
    }

    private static Task ApplyAsync(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // Visits will ask for the browser's location at check-in; nothing else needs a device.
        headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=(), payment=(), usb=()";
        return Task.CompletedTask;
    }
}
