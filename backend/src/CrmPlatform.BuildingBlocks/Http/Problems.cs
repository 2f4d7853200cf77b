using CrmPlatform.BuildingBlocks.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CrmPlatform.BuildingBlocks.Http;

/// <summary>The one place where typed errors become RFC 9457 problem details.</summary>
public static class Problems
{
    public const string TypePrefix = "urn:crm:problem:";

    public static int StatusCodeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ProblemDetails ToProblemDetails(Error error)
    {
        ProblemDetails problem = error.Fields.Count > 0
            ? new HttpValidationProblemDetails(error.Fields.ToDictionary(f => f.Key, f => f.Value))
            : new ProblemDetails();
        problem.Status = StatusCodeOf(error.Kind);
        problem.Title = Title(error.Kind);
        problem.Detail = error.Detail;
        problem.Type = TypePrefix + error.Code;
        problem.Extensions["code"] = error.Code;
        foreach (var (name, value) in error.Extensions)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    public static ProblemHttpResult From(Error error) => TypedResults.Problem(ToProblemDetails(error));

    /// <summary>
    /// A 429 or 503 the client should simply retry: <c>Retry-After</c> in whole seconds (at least 1) and a
    /// problem with our code and type. The rate limiter, the sign-in throttle and the outage handler use it.
    /// </summary>
    public static ProblemHttpResult RetryLater(HttpResponse response, int status, string code, string title, string detail, TimeSpan wait)
    {
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = TypePrefix + code,
            Extensions = { ["code"] = code },
        });
    }

    /// <summary>
    /// Problems the framework writes itself (401/403 challenges, unknown routes, unhandled errors)
    /// get the same <c>code</c> and <c>type</c> conventions as ours.
    /// </summary>
    public static void Complete(ProblemDetails problem)
    {
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var code = problem.Status switch
        {
            StatusCodes.Status400BadRequest => "bad_request",
            StatusCodes.Status401Unauthorized => "unauthenticated",
            StatusCodes.Status403Forbidden => "forbidden",
            StatusCodes.Status404NotFound => "not_found",
            StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
            StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
            >= 500 => "server_error",
            _ => "error",
        };
        problem.Extensions["code"] = code;
        if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
        {
            problem.Type = TypePrefix + code;
        }
    }

    /// <summary>
    /// Maps a result: success through <paramref name="onSuccess"/>, failure to problem details. The typed
    /// success lets the framework document the 2xx answer; problems carry their status at run time, so an
    /// endpoint declares the ones it can answer with <c>ProducesProblem</c>.
    /// </summary>
    public static Results<TSuccess, ProblemHttpResult> ToHttp<T, TSuccess>(this Result<T> result, Func<T, TSuccess> onSuccess)
        where TSuccess : IResult =>
        result.IsSuccess ? onSuccess(result.Value) : From(result.Error);

    private static string Title(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "The request is invalid.",
        ErrorKind.Unauthorized => "Not authenticated.",
        ErrorKind.NotFound => "Not found.",
        ErrorKind.Conflict => "The request conflicts with the current state.",
        ErrorKind.PreconditionRequired => "If-Match is required.",
        ErrorKind.PreconditionFailed => "The resource has changed.",
        ErrorKind.Unprocessable => "The request cannot be processed.",
        ErrorKind.Forbidden => "Forbidden.",
        _ => kind.ToString(),
    };
}
