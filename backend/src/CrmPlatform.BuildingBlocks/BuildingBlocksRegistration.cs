using CrmPlatform.BuildingBlocks.Health;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Idempotency;
using CrmPlatform.BuildingBlocks.Localization;
using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.RateLimiting;
using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmPlatform.BuildingBlocks;

public static class BuildingBlocksRegistration
{
    public static IServiceCollection AddBuildingBlocks(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();

        services.AddModuleDatabase<PlatformDbContext>(PlatformDbContext.Schema);
        services.AddOptions<DemoDataOptions>().Configure<IConfiguration>((options, config) =>
        {
            options.Seed = config.GetValue("CRM_SEED_DEMO", false);
            options.History = config.GetValue("CRM_DEMO_HISTORY", true);
            options.Password = config["CRM_DEMO_PASSWORD"] ?? options.Password;
        });
        services.AddSingleton<ModuleCatalog>();

        services.AddOptions<OutboxOptions>().BindConfiguration("Crm:Outbox")
            .Validate(
                o => o.PollInterval > TimeSpan.Zero && o.BatchSize > 0 && o.MaxAttempts > 0 && o.RetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay,
                "Crm:Outbox values must be positive, and MaxRetryDelay at least RetryDelay.")
            .ValidateOnStart();
        services.AddSingleton<WakeSignal<OutboxDispatcher>>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<Housekeeping>();
        services.AddSingleton<DailyJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyJobRunner>());

        services.AddOptions<RateLimitOptions>().BindConfiguration("Crm:RateLimit")
            .Validate(o => o.PermitLimit > 0 && o.Window > TimeSpan.Zero, "Crm:RateLimit needs a positive PermitLimit and Window.")
            .ValidateOnStart();
        services.AddCrmRateLimiting();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            Problems.Complete(context.ProblemDetails);
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // The OpenAPI generator reads MVC's options, the endpoints read the HTTP ones: both say the same.
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => ApiJson.Configure(o.JsonSerializerOptions));

        services.AddHealthChecks().AddCheck<MigrationsHealthCheck>("database", tags: ["ready"]);
        CrmLocalization.UseCrmValidationMessages();
        return services;
    }

    /// <summary>Middleware for every request, before any endpoint runs: unstorable query text, then cross-site writes.</summary>
    public static IApplicationBuilder UseBuildingBlocksBeforeEndpoints(this IApplicationBuilder app) =>
        app.UseMiddleware<QueryTextGuard>()
            .UseMiddleware<CrossSiteRequestGuard>();

    /// <summary>Middleware once the caller is known and authorized: read-only tokens, then idempotent POST.</summary>
    public static IApplicationBuilder UseBuildingBlocksAfterAuthorization(this IApplicationBuilder app) =>
        app.UseMiddleware<ReadOnlyTokenGuard>()
            .UseMiddleware<IdempotencyMiddleware>();

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return endpoints;
    }
}
