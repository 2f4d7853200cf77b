using System.Security.Claims;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.Identity.Authentication;
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
/// An unknown user name costs the same work (one password hash) and gets the same answers as a
/// wrong password; guessing is slowed by <see cref="LoginThrottle"/>, never by locking the account.
/// </summary>
internal static class LoginEndpoint
{
    private static readonly Error InvalidCredentials = Error.Unauthorized("auth.invalid_credentials", "The user name or password is wrong.");

    /// <summary>Identity's column length: a longer name cannot exist, and is not worth a password hash.</summary>
    private const int MaxUserNameLength = 256;

    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapPost("/login", HandleAsync)
            .AllowAnonymous()
            .WithName("Auth_Login")
            .WithSummary("Log in with user name and password")
            .Produces<AccessTokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(
        LoginRequest request,
        bool? useCookies,
        HttpContext http,
        SignInManager<AppUser> signIn,
        PasswordCheck passwords,
        LoginThrottle throttle,
        KnownDevices devices,
        UserSessions sessions)
    {
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            missing["userName"] = ["User name is required."];
        }
        else if (request.UserName.Length > MaxUserNameLength)
        {
            missing["userName"] = [$"A user name has at most {MaxUserNameLength} characters."];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            missing["password"] = ["Password is required."];
        }

        if (missing.Count > 0)
        {
            return Problems.From(Error.Validation(missing));
        }

        var users = signIn.UserManager;
        var cancellationToken = http.RequestAborted;
        var user = await users.FindByNameAsync(request.UserName!);
        var device = devices.DeviceOf(http.Request, user);
        // Narrowest first; a known device stands in for the user name, so a stranger's guesses at the name do not count.
        var source = throttle.Source(http.Connection.RemoteIpAddress);
        ThrottleKey[] counted = device is { } known
            ? [throttle.Device(known), source]
            : [throttle.Account(users.NormalizeName(request.UserName!)), source];
        if (await throttle.TryAttemptAsync(counted, cancellationToken) is { } wait)
        {
            return Throttled(http, wait);
        }

        // Verified first, also for an unknown user: the same hash work either way.
        if (!await passwords.VerifyAsync(user, request.Password!) || user is null || await users.IsLockedOutAsync(user))
        {
            return Problems.From(InvalidCredentials);
        }

        await throttle.SucceededAsync(counted, cancellationToken);
        devices.Remember(http.Response, user, device ?? Guid.CreateVersion7());
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        // The bearer handler writes the token response; the cookie handler sets the cookie.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [await sessions.StartAsync(user.Id, cancellationToken)]);
        return TypedResults.Empty;
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Throttled(HttpContext http, TimeSpan wait) =>
        Problems.RetryLater(
            http.Response,
            StatusCodes.Status429TooManyRequests,
            "auth.throttled",
            "Too many sign-in attempts.",
            "Too many sign-in attempts for this user name or from this address: wait the seconds in Retry-After.",
            wait);
}

/// <summary>
/// Verifies a password with the same work whether or not the user exists: an unknown user is checked
/// against a placeholder hash, so the answer's timing does not tell which user names are real.
/// </summary>
internal sealed class PasswordCheck(IPasswordHasher<AppUser> hasher, UserManager<AppUser> users)
{
    private static readonly AppUser Placeholder = new() { DisplayName = "placeholder" };
    private static string? _placeholderHash;

    public async Task<bool> VerifyAsync(AppUser? user, string password)
    {
        var hash = user?.PasswordHash ?? (_placeholderHash ??= hasher.HashPassword(Placeholder, Guid.NewGuid().ToString()));
        var result = hasher.VerifyHashedPassword(user ?? Placeholder, hash, password);
        if (user is null || result == PasswordVerificationResult.Failed)
        {
            return false;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // An older hash format: Identity stores the password again with today's parameters.
            await users.CheckPasswordAsync(user, password);
        }

        return true;
    }
}

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>
/// Trades a refresh token from login for a new token pair, while its session is active and its user
/// exists and is not disabled. The session, not the security stamp, is what logout, a password change
/// (for the other sessions) and disabling end.
/// </summary>
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
        UserSessions sessions,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.RefreshToken))
        {
            return Problems.From(Error.Validation("refreshToken", "Refresh token is required."));
        }

        var ticket = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires
            || clock.GetUtcNow() >= expires
            || UserSessions.IdOf(ticket.Principal) is not { } session
            || await signIn.UserManager.GetUserAsync(ticket.Principal) is not { } user
            || await signIn.UserManager.IsLockedOutAsync(user)
            || !await sessions.ExtendAsync(session, cancellationToken))
        {
            return Problems.From(InvalidRefreshToken);
        }

        // The new pair belongs to the same session, so logging out ends it too.
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(UserSessions.ClaimType, session.ToString()));
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}

/// <summary>Ends the caller's session on the server: its cookie and its login tokens stop working at once.</summary>
internal static class LogoutEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapPost("/logout", async (HttpContext http, SignInManager<AppUser> signIn, UserSessions sessions) =>
            {
                if (UserSessions.IdOf(http.User) is { } session)
                {
                    await sessions.EndAsync(session, http.RequestAborted);
                }

                await signIn.SignOutAsync();
                return TypedResults.NoContent();
            })
            .WithName("Auth_Logout")
            .WithSummary("End this session: the cookie, or the login token pair sent with the request");
}
