using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.Identity.Domain;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Identity.Features;

public sealed record LoginRequest(string? UserName, string? Password);

/// <summary>
/// Password login. Bearer token by default (for API clients); with <c>?useCookies=true</c> an
/// HttpOnly SameSite=Strict session cookie for the SPA instead. Not a mediator command: signing in
/// is HTTP plumbing — the sign-in handler itself writes the token or the cookie.
/// </summary>
internal static class LoginEndpoint
{
    private static readonly Error InvalidCredentials = Error.Unauthorized("auth.invalid_credentials", "The user name or password is wrong.");
    private static readonly Error LockedOut = Error.Unauthorized("auth.locked_out", "Too many failed attempts: the account is locked for a few minutes.");

    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapPost("/login", HandleAsync)
            .AllowAnonymous()
            .WithName("Auth_Login")
            .WithSummary("Log in with user name and password")
            .Produces<AccessTokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(LoginRequest request, bool? useCookies, SignInManager<AppUser> signIn)
    {
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            missing["userName"] = ["User name is required."];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            missing["password"] = ["Password is required."];
        }

        if (missing.Count > 0)
        {
            return Problems.From(Error.Validation(missing));
        }

        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName!, request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // The bearer handler has written the token response; the cookie handler has set the cookie.
            return TypedResults.Empty;
        }

        return Problems.From(result.IsLockedOut ? LockedOut : InvalidCredentials);
    }
}

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>Trades a refresh token from login for a new token pair, while the user still exists unchanged and is not locked out.</summary>
internal static class RefreshEndpoint
{
    private static readonly Error InvalidRefreshToken = Error.Unauthorized("auth.invalid_refresh_token", "The refresh token is invalid or expired: log in again.");

    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapPost("/refresh", HandleAsync)
            .AllowAnonymous()
            .WithName("Auth_Refresh")
            .WithSummary("Exchange a refresh token for a new bearer token")
            .Produces<AccessTokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(
        RefreshRequest request,
        SignInManager<AppUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider clock)
    {
        if (string.IsNullOrEmpty(request.RefreshToken))
        {
            return Problems.From(Error.Validation("refreshToken", "Refresh token is required."));
        }

        var ticket = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires
            || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return Problems.From(InvalidRefreshToken);
        }

        // Signing in with the bearer scheme writes the new token pair.
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }
}

internal static class LogoutEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.NoContent();
            })
            .WithName("Auth_Logout")
            .WithSummary("End the cookie session (bearer tokens simply expire)");
}
