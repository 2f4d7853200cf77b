using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Idempotency;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.Identity.Authentication;
using CrmPlatform.Identity.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace CrmPlatform.Identity.Features;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>
/// Changes the caller's password and ends every other session of theirs (other browsers, login
/// tokens elsewhere), and devices that signed in with the old password are no longer known. The
/// caller's own session continues. Personal API tokens are not revoked: integrations keep running.
/// Sign-in plumbing like login, so an endpoint rather than a mediator command: it re-issues the cookie.
/// </summary>
internal static class ChangePasswordEndpoint
{
    public static void Map(IEndpointRouteBuilder me) =>
        me.MapPost("/password", HandleAsync)
            .RequireAuthorization(AuthenticationSchemes.InteractivePolicy)
            // The body holds two passwords: not even its digest is stored for replay, and a retry changes nothing new.
            .WithMetadata(new ExcludeFromIdempotencyAttribute())
            .WithName("Me_ChangePassword")
            .WithSummary("Change my password; every other session of mine ends")
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(
        ChangePasswordRequest request, HttpContext http, SignInManager<AppUser> signIn, UserSessions sessions, LoginThrottle throttle)
    {
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            missing["currentPassword"] = ["Current password is required."];
        }

        if (string.IsNullOrEmpty(request.NewPassword))
        {
            missing["newPassword"] = ["New password is required."];
        }

        if (missing.Count > 0)
        {
            return Problems.From(Error.Validation(missing));
        }

        var user = await signIn.UserManager.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        // Guessing the current password from a stolen session is slowed like guessing at sign-in.
        ThrottleKey[] counted = [throttle.Account(signIn.UserManager.NormalizeName(user.UserName!))];
        if (await throttle.TryAttemptAsync(counted, http.RequestAborted) is { } wait)
        {
            return LoginEndpoint.Throttled(http, wait);
        }

        var changed = await signIn.UserManager.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (changed.Succeeded || changed.Errors.All(e => e.Code != nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            await throttle.SucceededAsync(counted, http.RequestAborted);
        }

        if (!changed.Succeeded)
        {
            return Problems.From(changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? Error.Validation("currentPassword", "The current password is wrong.")
                : Error.Validation("newPassword", string.Join(" ", changed.Errors.Select(e => e.Description))));
        }

        var current = UserSessions.IdOf(http.User);
        await sessions.EndAllAsync(user.Id, except: current, http.RequestAborted);
        if (current is { } session && http.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme
            && http.Request.Cookies.ContainsKey(AuthenticationSchemes.CookieName))
        {
            // The password change renewed the security stamp; the cookie gets the new one and keeps its session.
            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim(UserSessions.ClaimType, session.ToString())]);
        }

        return TypedResults.NoContent();
    }
}
