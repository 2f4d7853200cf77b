using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.Identity.Authentication;

/// <summary>
/// A browser (or client keeping cookies) that signed in successfully gets a signed, HttpOnly cookie
/// naming the user and the device. Its sign-in attempts for that user are then counted on the device
/// alone (<see cref="LoginThrottle"/>): the real user is not slowed by a stranger guessing elsewhere.
/// </summary>
internal sealed class KnownDevices(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string CookieName = "crm.device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("CrmPlatform.Identity.KnownDevice");

    /// <summary>The device id when the request carries a valid device cookie of this user.</summary>
    public Guid? DeviceOf(HttpRequest request, Guid? userId)
    {
        if (userId is null || request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(cookie).Split(':');
            return parts is [var user, var device] && user == userId.ToString() && Guid.TryParse(device, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public void Remember(HttpResponse response, Guid userId, Guid deviceId) =>
        response.Cookies.Append(CookieName, _protector.Protect($"{userId}:{deviceId}"), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            Path = "/api/v1/auth",
            Expires = clock.GetUtcNow() + Lifetime,
        });
}
