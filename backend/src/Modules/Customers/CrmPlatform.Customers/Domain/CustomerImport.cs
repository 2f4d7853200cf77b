using CrmPlatform.BuildingBlocks.Exchange;

namespace CrmPlatform.Customers.Domain;

internal static class ImportLimits
{
    /// <summary>Room for <see cref="Rows"/> rows of a full profile in Chinese (about 270 bytes each); a larger book is imported in parts.</summary>
    public const int FileBytes = 64 * 1024 * 1024;

    /// <summary>The upload's own limit, above Kestrel's default (30,000,000 bytes): the file and its multipart framing.</summary>
    public const long RequestBytes = FileBytes + (1024 * 1024);
    public const int Rows = 200_000;
    public const int FileName = 200;
    public const int Message = 500;

    /// <summary>An import a worker stopped working on (its process died) is taken up again after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>An import that failed this many times is given up, with its error.</summary>
    public const int Attempts = 3;
}

/// <summary>What an import does with a row that is a customer already there (same phone, or same name at the same company).</summary>
public enum ImportMode
{
    /// <summary>Creates only the new customers; a row of an existing one is skipped.</summary>
    AddNew,

    /// <summary>Also fills the existing customer in from the row's non-empty cells (an empty cell erases nothing).</summary>
    AddNewAndUpdate,
}

public enum ImportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

public enum ImportOutcome
{
    Created,
    Updated,

    /// <summary>A customer already there (or a row earlier in the file): nothing written.</summary>
    Skipped,

    /// <summary>The row is not a valid customer: nothing written; the result names the column and why.</summary>
    Failed,
}

/// <summary>
/// A customer file being imported in the background: the file itself until it is done, who imports it (the
/// work acts as that user), and the progress, saved with each batch of rows it writes.
/// </summary>
internal sealed class ImportJob
{
    private ImportJob()
    {
    }

    public Guid Id { get; private init; }

    public Guid UserId { get; private init; }

    public Guid? UserTeamId { get; private init; }

    public string UserRole { get; private init; } = string.Empty;

    /// <summary>The language of the messages about rows: the uploader's.</summary>
    public string Language { get; private init; } = string.Empty;

    public string FileName { get; private init; } = string.Empty;

    public TableFormat Format { get; private init; }

    /// <summary>The uploaded file; dropped when the import is over.</summary>
    public byte[]? Content { get; private set; }

    public ImportMode Mode { get; private init; }

    /// <summary>Who owns the customers it creates.</summary>
    public Guid OwnerId { get; private init; }

    public Guid? OwnerTeamId { get; private init; }

    /// <summary>The headers that name no customer field (computed columns of an export, typos): their cells are not read.</summary>
    public string[] IgnoredColumns { get; private init; } = [];

    public ImportStatus Status { get; private set; }

    public int TotalRows { get; private init; }

    public int RowsDone { get; private set; }

    public int Created { get; private set; }

    public int Updated { get; private set; }

    public int Skipped { get; private set; }

    public int Failed { get; private set; }

    public string? Error { get; private init; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    public static ImportJob Queue(ImportUpload upload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = upload.UserId,
        UserTeamId = upload.UserTeamId,
        UserRole = upload.UserRole,
        Language = upload.Language,
        FileName = upload.FileName,
        Format = upload.Format,
        Content = upload.Content,
        Mode = upload.Mode,
        OwnerId = upload.OwnerId,
        OwnerTeamId = upload.OwnerTeamId,
        IgnoredColumns = [.. upload.IgnoredColumns],
        TotalRows = upload.TotalRows,
        Status = ImportStatus.Queued,
        CreatedAt = now,
    };
}

/// <summary>An upload as the import job keeps it.</summary>
internal sealed record ImportUpload(
    Guid UserId,
    Guid? UserTeamId,
    string UserRole,
    string Language,
    string FileName,
    TableFormat Format,
    byte[] Content,
    ImportMode Mode,
    Guid OwnerId,
    Guid? OwnerTeamId,
    IReadOnlyList<string> IgnoredColumns,
    int TotalRows);

/// <summary>What an import did with one row of the file.</summary>
internal sealed class ImportRowResult
{
    public Guid JobId { get; init; }

    /// <summary>The row's number as the spreadsheet shows it (the header is row 1).</summary>
    public int Row { get; init; }

    public ImportOutcome Outcome { get; init; }

    /// <summary>The customer created, updated or matched (when the importer may see it).</summary>
    public Guid? CustomerId { get; init; }

    /// <summary>The column a failed row is wrong in, as the file's header says it.</summary>
    public string? Column { get; init; }

    public string? Message { get; init; }
}

/// <summary>
/// A row without a phone or a company, that no duplicate key can recognise, as imported before into a team: the
/// same row imported again is skipped rather than made a second customer.
/// </summary>
internal sealed class ImportFingerprint
{
    public required string Fingerprint { get; init; }

    public Guid CustomerId { get; init; }
}
