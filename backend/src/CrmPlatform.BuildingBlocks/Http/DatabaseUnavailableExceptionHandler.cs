using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.BuildingBlocks.Http;

/// <summary>
/// While the database is unreachable (down, restarting, refusing connections) every request that needs
/// it answers 503 with <c>Retry-After</c>, so a client can tell an outage from a bug and retry; a retried
/// POST with its <c>Idempotency-Key</c> then runs once. Anything else stays a 500.
/// </summary>
internal sealed partial class DatabaseUnavailableExceptionHandler(ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsOutage(exception))
        {
            return false;
        }

        // One line, no stack trace: an outage is expected operations, and the log would drown in traces.
        LogOutage(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        await Problems.RetryLater(
                httpContext.Response,
                StatusCodes.Status503ServiceUnavailable,
                "service_unavailable",
                "The service is temporarily unavailable.",
                "The database cannot be reached; retry after the number of seconds in Retry-After.",
                RetryAfter)
            .ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>
    /// A connection that cannot be opened or was lost, or a server shutting down, starting up or out of
    /// connections (SQLSTATE classes 08, 57P and 53300), anywhere in the exception's chain.
    /// </summary>
    public static bool IsOutage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || postgres.SqlState == PostgresErrorCodes.TooManyConnections;
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: the database is unavailable ({Reason}); answered 503")]
    private static partial void LogOutage(ILogger logger, string method, PathString path, string reason);
}
