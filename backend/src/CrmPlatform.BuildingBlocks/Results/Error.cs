namespace CrmPlatform.BuildingBlocks.Results;

/// <summary>What went wrong, in terms the HTTP layer can map to one status code.</summary>
public enum ErrorKind
{
    Validation,
    Unauthorized,
    NotFound,
    Conflict,
    PreconditionRequired,
    PreconditionFailed,
    Unprocessable,
    Forbidden,
}

/// <summary>A typed failure returned by handlers; never thrown.</summary>
/// <param name="Code">Stable machine-readable code, e.g. <c>customer.not_found</c>.</param>
public sealed record Error(ErrorKind Kind, string Code, string Detail)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoFields = new Dictionary<string, string[]>();
    private static readonly IReadOnlyDictionary<string, object?> NoExtensions = new Dictionary<string, object?>();

    /// <summary>Per-field messages (camelCase JSON paths), for 400 and 422.</summary>
    public IReadOnlyDictionary<string, string[]> Fields { get; init; } = NoFields;

    /// <summary>More members of the problem (camelCase), for a client that acts on them: the candidates of a 409, the survivor of a merged record.</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = NoExtensions;

    public static Error NotFound(string resource, Guid id) =>
        new(ErrorKind.NotFound, $"{resource}.not_found", $"The {resource} '{id}' does not exist or is not visible to you.");

    public static Error Validation(IReadOnlyDictionary<string, string[]> fields) =>
        new(ErrorKind.Validation, "validation", "One or more fields are invalid.") { Fields = fields };

    public static Error Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static Error Unprocessable(string code, string field, string message) =>
        new(ErrorKind.Unprocessable, code, message) { Fields = new Dictionary<string, string[]> { [field] = [message] } };

    public static Error Conflict(string code, string detail) => new(ErrorKind.Conflict, code, detail);

    public static Error Forbidden(string code, string detail) => new(ErrorKind.Forbidden, code, detail);

    public static Error Unauthorized(string code, string detail) => new(ErrorKind.Unauthorized, code, detail);

    public static readonly Error IfMatchRequired = new(
        ErrorKind.PreconditionRequired,
        "precondition.if_match_required",
        "This request changes a resource: send the If-Match header with the ETag you last read.");

    public static readonly Error StaleVersion = new(
        ErrorKind.PreconditionFailed,
        "precondition.stale",
        "The resource changed since you read it: reload it and apply your change again.");
}
