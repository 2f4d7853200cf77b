using CrmPlatform.Identity.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.Identity.Authentication;

/// <summary>
/// A browser (or client keeping cookies) that signed in successfully gets a signed, HttpOnly cookie
/// naming the user, the device and the user's security stamp. Its sign-in attempts for that user are
/// then counted on the device (<see cref="LoginThrottle"/>), not on the user name: the real user is
/// not slowed by a stranger guessing elsewhere. A password change renews the stamp, so devices that
/// signed in with the old password lose the privilege.
/// </summary>
internal sealed class KnownDevices(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string CookieName = "crm.device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("CrmPlatform.Identity.KnownDevice");

    /// <summary>The device id when the request carries a valid device cookie of this user.</summary>
    public Guid? DeviceOf(HttpRequest request, AppUser? user)
    {
        if (user is null || request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(cookie).Split(':');
            return parts is [var userId, var device, var stamp] && userId == user.Id.ToString() && stamp == user.SecurityStamp && Guid.TryParse(device, out var id)
                ? id
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public void Remember(HttpResponse response, AppUser user, Guid deviceId) =>
        response.Cookies.Append(CookieName, _protector.Protect($"{user.Id}:{deviceId}:{user.SecurityStamp}"), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            Path = "/api/v1/auth",
            Expires = clock.GetUtcNow() + Lifetime,
        });
}
