using System.Security.Claims;
using System.Security.Cryptography;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmPlatform.BuildingBlocks.Idempotency;

/// <summary>
/// Makes POST retries safe. The first response (below 500) to a key is stored per caller for
/// <see cref="Retention"/> and replayed byte for byte; the same key with another body is a 422;
/// a retry while the first attempt still runs is a 409. Server errors and exceptions are not
/// stored, so the client may retry them with the same key; an attempt still unfinished after
/// <see cref="AbandonedAfter"/> (its process died) no longer blocks the key.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext context, PlatformDbContext db)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.Headers.TryGetValue(HeaderName, out var keyValues)
            || context.GetEndpoint()?.Metadata.GetMetadata<ExcludeFromIdempotencyAttribute>() is not null
            || context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } caller)
        {
            await next(context);
            return;
        }

        var key = keyValues.ToString();
        if (key.Length is 0 or > MaxKeyLength)
        {
            await Problems.From(Error.Validation(HeaderName, $"{HeaderName} must be 1 to {MaxKeyLength} characters.")).ExecuteAsync(context);
            return;
        }

        var requestHash = await HashRequestAsync(context.Request);
        var now = clock.GetDatabaseUtcNow();
        var existing = await db.IdempotencyRecords.SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, context.RequestAborted);
        if (existing is not null && (existing.CreatedAt < now - Retention || (existing.CompletedAt is null && existing.CreatedAt < now - AbandonedAfter)))
        {
            db.IdempotencyRecords.Remove(existing);
            await db.SaveChangesAsync(context.RequestAborted);
            existing = null;
        }

        if (existing is not null)
        {
            await AnswerRepeatAsync(context, existing, requestHash);
            return;
        }

        var record = new IdempotencyRecord { Caller = caller, Key = key, RequestHash = requestHash, CreatedAt = now };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            await Problems.From(InProgress).ExecuteAsync(context);
            return;
        }

        await ExecuteAndStoreAsync(context, db, record);
    }

    private static readonly Error InProgress = Error.Conflict(
        "idempotency.in_progress", "A request with this Idempotency-Key is still being processed; retry later.");

    private static readonly Error KeyReused = new(
        ErrorKind.Unprocessable, "idempotency.key_reused", "This Idempotency-Key was already used with a different request.");

    private static async Task AnswerRepeatAsync(HttpContext context, IdempotencyRecord existing, string requestHash)
    {
        if (existing.RequestHash != requestHash)
        {
            await Problems.From(KeyReused).ExecuteAsync(context);
            return;
        }

        if (existing.CompletedAt is null)
        {
            await Problems.From(InProgress).ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        response.StatusCode = existing.StatusCode;
        response.Headers[ReplayedHeaderName] = "true";
        if (existing.ContentType is not null)
        {
            response.ContentType = existing.ContentType;
        }

        if (existing.Location is not null)
        {
            response.Headers.Location = existing.Location;
        }

        if (existing.ETag is not null)
        {
            response.Headers.ETag = existing.ETag;
        }

        if (existing.Body is { Length: > 0 } body)
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private async Task ExecuteAndStoreAsync(HttpContext context, PlatformDbContext db, IdempotencyRecord record)
    {
        var originalBody = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            // The outcome is unknown to the client: free the key so its retry runs again.
            db.IdempotencyRecords.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = originalBody;
        }

        var response = context.Response;
        if (response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            db.IdempotencyRecords.Remove(record);
        }
        else
        {
            record.CompletedAt = clock.GetDatabaseUtcNow();
            record.StatusCode = response.StatusCode;
            record.ContentType = response.ContentType;
            record.Location = response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
            record.ETag = response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null;
            record.Body = captured.ToArray();
        }

        // The command has committed whatever the client sent; its answer must reach the client even if
        // the caller disconnected meanwhile, so this save is not tied to RequestAborted.
        await db.SaveChangesAsync(CancellationToken.None);
        captured.Position = 0;
        await captured.CopyToAsync(originalBody, CancellationToken.None);
    }

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
