using CrmPlatform.BuildingBlocks.Idempotency;
using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Identity.Authentication;
using CrmPlatform.Identity.Contracts;
using CrmPlatform.Identity.Features;
using CrmPlatform.Identity.Persistence;
using CrmPlatform.Identity.Seeding;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Identity;

/// <summary>Users, roles, teams and regions; login, session cookie, bearer and personal API tokens.</summary>
public sealed class IdentityModule : IModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<CrmIdentityDbContext>(CrmIdentityDbContext.Schema);
        services.AddCrmAuthentication();
        services.AddMemoryCache();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<UserSessions>();
        services.AddScoped<LoginThrottle>();
        services.AddOptions<LoginThrottleOptions>().BindConfiguration("Crm:LoginThrottle")
            .Validate(o => o.FreeAttemptsPerAccount > 0 && o.FreeAttemptsPerSource > 0 && o.FreeAttemptsPerDevice > 0 && o.MaxDelay > TimeSpan.Zero && o.ForgetAfter > TimeSpan.Zero,
                "Crm:LoginThrottle values must be positive.")
            .ValidateOnStart();
        services.AddScoped<PasswordCheck>();
        services.AddSingleton<KnownDevices>();
        services.AddScoped<IHousekeepingTask, SignInHousekeeping>();
        services.AddScoped<IDemoDataSeeder, IdentityDemoSeeder>();
        services.AddScoped<INotificationSender, InAppNotifications>();
        services.AddIntegrationEventHandler<NotifyUser, NotificationDispatcher>();
        // Validators hold no state, and building one (its rules, its regexes) per request is measurable work.
        services.AddValidatorsFromAssemblyContaining<IdentityModule>(ServiceLifetime.Singleton, includeInternalTypes: true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        // Signing in and out creates nothing a retry could duplicate, and token pairs are never stored for replay.
        var auth = api.MapGroup("/auth").WithTags("Auth").WithMetadata(new ExcludeFromIdempotencyAttribute());
        LoginEndpoint.Map(auth);
        RefreshEndpoint.Map(auth);
        LogoutEndpoint.Map(auth);

        var me = api.MapGroup("/me").WithTags("Me");
        GetMeEndpoint.Map(me);
        ChangePasswordEndpoint.Map(me);
        ApiTokens.Map(me);
        NotificationEndpoints.Map(me);

        var users = api.MapGroup("/users").WithTags("Users");
        ListUsersEndpoint.Map(users);
        UserAccessEndpoints.Map(users);
    }
}
