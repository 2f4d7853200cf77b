using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.BuildingBlocks.Idempotency;

/// <summary>
/// Makes POST retries safe. The first answer to a key is stored per caller for <see cref="Retention"/>
/// and replayed byte for byte; the same key with another body is a 422; a retry while the first
/// attempt still runs is a 409. Answers to requests that never executed are not stored: a request
/// that failed validation (400) or authorization (401, 403) may be corrected and sent again with the
/// same key. Server errors and exceptions are not stored either, so the client may retry them with
/// the same key; an attempt still unfinished after <see cref="AbandonedAfter"/> (its process died)
/// no longer blocks the key.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext context)
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
        if (key.Length is 0 or > MaxKeyLength || !StorableText.IsStorable(key))
        {
            await Problems.From(Error.Validation(HeaderName, $"{HeaderName} must be 1 to {MaxKeyLength} characters, without control characters.")).ExecuteAsync(context);
            return;
        }

        // Resolved here, not injected into InvokeAsync: every other request would pay for a context it never uses.
        var db = context.RequestServices.GetRequiredService<PlatformDbContext>();
        var requestHash = await HashRequestAsync(context.Request);
        var now = clock.GetDatabaseUtcNow();
        // A new key, the common case, costs one statement: the claim lands, or it meets the row of an earlier request.
        for (var attempt = 0; !await TryClaimAsync(db, caller, key, requestHash, now, context.RequestAborted); attempt++)
        {
            var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, context.RequestAborted);
            if (existing is not null && existing.CreatedAt >= now - Retention && (existing.CompletedAt is not null || existing.CreatedAt >= now - AbandonedAfter))
            {
                await AnswerRepeatAsync(context, existing, requestHash);
                return;
            }

            if (attempt == 1)
            {
                // Another request is replacing the same stale row right now.
                await Problems.From(InProgress).ExecuteAsync(context);
                return;
            }

            if (existing is not null)
            {
                await db.Database.ExecuteSqlAsync(
                    $"DELETE FROM platform.idempotency_records WHERE caller = {caller} AND key = {key} AND created_at = {existing.CreatedAt}",
                    context.RequestAborted);
            }
        }

        await ExecuteAndStoreAsync(context, db, caller, key);
    }

    private static async Task<bool> TryClaimAsync(PlatformDbContext db, string caller, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO platform.idempotency_records (caller, key, request_hash, created_at, status_code)
            VALUES ({caller}, {key}, {requestHash}, {now}, 0)
            ON CONFLICT (caller, key) DO NOTHING
            """,
            cancellationToken) == 1;

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

    private async Task ExecuteAndStoreAsync(HttpContext context, PlatformDbContext db, string caller, string key)
    {
        var originalBody = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            // The outcome is unknown to the client: free the key so its retry runs again. When the database
            // itself is gone that cannot be done; the claim then lapses after AbandonedAfter.
            if (!DatabaseUnavailableExceptionHandler.IsOutage(ex))
            {
                await ForgetAsync(db, caller, key);
            }

            throw;
        }
        finally
        {
            context.Response.Body = originalBody;
        }

        // The command has committed whatever the client sent; its answer must reach the client even if
        // the caller disconnected meanwhile, so these writes are not tied to RequestAborted.
        var response = context.Response;
        if (!Executed(response.StatusCode))
        {
            await ForgetAsync(db, caller, key);
        }
        else
        {
            var completedAt = clock.GetDatabaseUtcNow();
            var location = response.Headers.Location.ToString() is { Length: > 0 } value ? value : null;
            var etag = response.Headers.ETag.ToString() is { Length: > 0 } tag ? tag : null;
            await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE platform.idempotency_records
                SET completed_at = {completedAt}, status_code = {response.StatusCode}, content_type = {response.ContentType},
                    location = {location}, e_tag = {etag}, body = {captured.ToArray()}
                WHERE caller = {caller} AND key = {key}
                """,
                CancellationToken.None);
        }

        captured.Position = 0;
        await captured.CopyToAsync(originalBody, CancellationToken.None);
    }

    /// <summary>Whether the answer tells of a request that ran: what a retry with the same key must get back.</summary>
    private static bool Executed(int statusCode) => statusCode is not (
        StatusCodes.Status400BadRequest or StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        and < StatusCodes.Status500InternalServerError;

    private static async Task ForgetAsync(PlatformDbContext db, string caller, string key) =>
        await db.Database.ExecuteSqlAsync($"DELETE FROM platform.idempotency_records WHERE caller = {caller} AND key = {key}", CancellationToken.None);

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (await FormOfAsync(request) is { } form)
        {
            await HashFormAsync(hash, form, request.HttpContext.RequestAborted);
        }
        else
        {
            await HashStreamAsync(hash, request.Body, request.HttpContext.RequestAborted);
            request.Body.Position = 0;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// A form's fields and files, read once (the endpoint binds the same parsed form). Its bytes cannot be compared:
    /// a multipart boundary is chosen anew for every send, so a retry of the same upload would read as another body.
    /// A form that does not parse is compared by its bytes, and the endpoint reports what is wrong with it.
    /// </summary>
    private static async Task<IFormCollection?> FormOfAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            request.Body.Position = 0;
            return null;
        }
    }

    private static async Task HashFormAsync(IncrementalHash hash, IFormCollection form, CancellationToken cancellationToken)
    {
        // Each name and value with its length, so no two different forms join into the same text.
        void Append(string text) => hash.AppendData(Encoding.UTF8.GetBytes($"{text.Length}:{text};"));
        foreach (var (name, values) in form.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Append(name);
            foreach (var value in values)
            {
                Append(value ?? string.Empty);
            }
        }

        foreach (var file in form.Files)
        {
            Append(file.Name);
            Append(file.FileName);
            Append(file.Length.ToString(CultureInfo.InvariantCulture));
            await using var content = file.OpenReadStream();
            await HashStreamAsync(hash, content, cancellationToken);
        }
    }

    private static async Task HashStreamAsync(IncrementalHash hash, Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
    }
}
