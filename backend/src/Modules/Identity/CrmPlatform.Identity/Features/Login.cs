using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.Identity.Domain;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace CrmPlatform.Identity.Features;

public sealed record LoginRequest(string? UserName, string? Password);

/// <summary>
/// Password login. Bearer token by default (for API clients); with <c>?useCookies=true</c> an
/// HttpOnly SameSite=Strict session cookie for the SPA instead. Not a mediator command: signing in
/// is HTTP plumbing — the sign-in handler itself writes the token or the cookie.
/// </summary>
internal static class LoginEndpoint
{
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

        return TypedResults.Problem(
            result.IsLockedOut ? "Too many failed attempts: the account is locked for a few minutes." : "The user name or password is wrong.",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Login failed.",
            type: Problems.TypePrefix + (result.IsLockedOut ? "auth.locked_out" : "auth.invalid_credentials"));
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
            .WithSummary("End the cookie session (bearer tokens simply expire)")
            .Produces(StatusCodes.Status204NoContent);
}
