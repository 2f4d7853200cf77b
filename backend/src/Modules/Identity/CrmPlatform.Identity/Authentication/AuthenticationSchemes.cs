using System.Security.Claims;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Identity.Domain;
using CrmPlatform.Identity.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Identity.Authentication;

/// <summary>
/// Three ways in, one default scheme that picks by the request: a personal API token
/// ("Bearer crm_pat_…"), a login bearer token ("Bearer …"), or the SPA's session cookie.
/// </summary>
internal static class AuthenticationSchemes
{
    public const string Default = "Crm";
    public const string InteractivePolicy = "Interactive";
    public const string CookieName = "crm.session";

    public static string? ApiTokenFrom(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer + ApiToken.Prefix, StringComparison.Ordinal)
            ? authorization[bearer.Length..].Trim()
            : null;
    }

    public static IServiceCollection AddCrmAuthentication(this IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
                // Failed passwords never lock an account (anyone could lock anyone): LoginThrottle slows guessing
                // instead. Lockout is only how an account is disabled (Users_Disable).
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<CrmIdentityDbContext>()
            .AddClaimsPrincipalFactory<CrmClaimsPrincipalFactory>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Default;
                options.DefaultChallengeScheme = Default;
            })
            .AddPolicyScheme(Default, "Cookie, bearer or API token", options => options.ForwardDefaultSelector = context =>
                ApiTokenFrom(context.Request) is not null ? ApiTokenAuthenticationHandler.SchemeName
                : context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal) ? IdentityConstants.BearerScheme
                : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                options.BearerTokenExpiration = TimeSpan.FromHours(8);
                options.Events.OnMessageReceived = context => AuthenticateBearerAsync(context, options);
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = async context =>
            {
                await SecurityStampValidator.ValidatePrincipalAsync(context);
                if (context.Principal is { } principal && !await UserSessions.AllowsAsync(context.HttpContext, principal))
                {
                    context.RejectPrincipal();
                }
            };
            // An API answers 401/403; it never redirects to a login page.
            options.Events.OnRedirectToLogin = context => WriteStatus(context.Response, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => WriteStatus(context.Response, StatusCodes.Status403Forbidden);
        });

        // The cookie's periodic security-stamp check rebuilds the principal: it must keep naming its session.
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.FindFirst(UserSessions.ClaimType) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity)
            {
                identity.AddClaim(new Claim(UserSessions.ClaimType, session.Value));
            }

            return Task.CompletedTask;
        });

        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(Default).RequireAuthenticatedUser().Build())
            .AddPolicy(InteractivePolicy, policy => policy
                .AddAuthenticationSchemes(Default)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => !context.User.HasClaim(c => c.Type == CrmClaims.TokenScope)));
        return services;
    }

    /// <summary>
    /// Reads the login token as the bearer handler would (which offers no later hook), and fails it when
    /// its session has ended: logout and a disabled account end a token before it expires.
    /// </summary>
    private static async Task AuthenticateBearerAsync(MessageReceivedContext context, BearerTokenOptions options)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return;
        }

        var ticket = options.BearerTokenProtector.Unprotect(authorization["Bearer ".Length..].Trim());
        if (ticket?.Properties.ExpiresUtc is not { } expires || (options.TimeProvider ?? TimeProvider.System).GetUtcNow() >= expires)
        {
            // Unreadable or expired: the handler itself answers that.
            return;
        }

        if (await UserSessions.AllowsAsync(context.HttpContext, ticket.Principal))
        {
            context.Principal = ticket.Principal;
            context.Properties = ticket.Properties;
            context.Success();
        }
        else
        {
            context.Fail("The session of this token has ended.");
        }
    }

    private static Task WriteStatus(HttpResponse response, int statusCode)
    {
        response.StatusCode = statusCode;
        return Task.CompletedTask;
    }
}
