using System.Security.Claims;
using System.Threading.RateLimiting;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmPlatform.BuildingBlocks.RateLimiting;

public sealed class RateLimitOptions
{
    /// <summary>Requests one caller (API token, else user, else client address) may make per window.</summary>
    public int PermitLimit { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

internal static class RateLimits
{
    public static IServiceCollection AddCrmRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.Request.Path.StartsWithSegments("/health"))
                {
                    return RateLimitPartition.GetNoLimiter("health");
                }

                // Each API token has its own budget, so one busy integration cannot starve its owner's session.
                var caller = context.User.FindFirstValue(CrmClaims.TokenId) is { } tokenId ? "token:" + tokenId
                    : context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? "user:" + userId
                    : "ip:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.Value.PermitLimit,
                    Window = limits.Value.Window,
                    QueueLimit = 0,
                });
            });
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Value.Window;
                await Problems.RetryLater(
                        rejected.HttpContext.Response,
                        StatusCodes.Status429TooManyRequests,
                        "rate_limited",
                        "Too many requests.",
                        $"Rate limit of {limits.Value.PermitLimit} requests per {limits.Value.Window.TotalSeconds:0} s reached; retry after Retry-After seconds.",
                        retryAfter)
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        services.AddRateLimiter();
        return services;
    }
}
