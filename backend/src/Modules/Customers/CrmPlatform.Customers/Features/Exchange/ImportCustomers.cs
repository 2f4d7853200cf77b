using System.Globalization;
using System.Linq.Expressions;
using CrmPlatform.BuildingBlocks.Exchange;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Localization;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Jobs;
using CrmPlatform.Customers.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features.Exchange;

/// <summary>An import of a customer file and how far it has got.</summary>
/// <param name="TotalRows">The file's rows under the header (blank rows are not rows).</param>
/// <param name="RowsDone">Rows handled so far: created + updated + skipped + failed.</param>
/// <param name="IgnoredColumns">Headers that name no field an import sets; their cells were not read.</param>
/// <param name="Error">Why the import stopped (status failed), or why its last attempt did before it was queued again.</param>
/// <param name="OwnerId">Who owns the customers it creates.</param>
public sealed record ImportJobDto(
    Guid Id,
    string FileName,
    ImportMode Mode,
    ImportStatus Status,
    int TotalRows,
    int RowsDone,
    int Created,
    int Updated,
    int Skipped,
    int Failed,
    IReadOnlyList<string> IgnoredColumns,
    string? Error,
    Guid OwnerId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>As a query projects it: the file's bytes are never read for a status.</summary>
    internal static readonly Expression<Func<ImportJob, ImportJobDto>> Projection = j => new ImportJobDto(
        j.Id, j.FileName, j.Mode, j.Status, j.TotalRows, j.RowsDone, j.Created, j.Updated, j.Skipped, j.Failed, j.IgnoredColumns, j.Error, j.OwnerId,
        j.CreatedAt, j.StartedAt, j.FinishedAt);

    private static readonly Func<ImportJob, ImportJobDto> Compiled = Projection.Compile();

    internal static ImportJobDto Of(ImportJob job) => Compiled(job);
}

/// <summary>What the import did with one row.</summary>
/// <param name="Row">The row's number as the spreadsheet shows it (the header is row 1).</param>
/// <param name="CustomerId">The customer created, updated or matched, when the importer may see it.</param>
/// <param name="Column">The column a failed row is wrong in, as the file's header says it.</param>
/// <param name="Message">Why it failed or was skipped, in the uploader's language.</param>
public sealed record ImportRowDto(int Row, ImportOutcome Outcome, Guid? CustomerId, string? Column, string? Message);

/// <summary>A customer file to import: the file, what to do with customers already there, and who owns the new ones.</summary>
public sealed record ImportCustomersCommand(string? FileName, byte[] Content, ImportMode Mode, Guid? OwnerId) : ICommand<Result<ImportJobDto>>
{
    public const string FileField = "file";
}

internal sealed class ImportCustomersValidator : AbstractValidator<ImportCustomersCommand>
{
    public ImportCustomersValidator()
    {
        RuleFor(c => c.FileName).Must(name => name is not null && TableReader.FormatOf(name) is not null && name.Length <= ImportLimits.FileName && StorableText.IsStorable(name))
            .OverridePropertyName(ImportCustomersCommand.FileField)
            .WithMessage(_ => FileLanguage.Say("请选择 .csv 或 .xlsx 文件。", "Send a .csv or .xlsx file."));
        RuleFor(c => c.Content).Must(content => content.Length is > 0 and <= ImportLimits.FileBytes)
            .OverridePropertyName(ImportCustomersCommand.FileField)
            .WithMessage(_ => FileLanguage.Say($"文件不能为空，且不超过 {ImportLimits.FileBytes / 1024 / 1024} MB。", $"The file must not be empty, and at most {ImportLimits.FileBytes / 1024 / 1024} MB."));
        RuleFor(c => c.Mode).IsInEnum();
        RuleFor(c => c.OwnerId).NotEqual(Guid.Empty);
    }
}

/// <summary>
/// Reads the file through once (its header must name the columns, its rows are counted) and queues the import;
/// the <see cref="ImportRunner"/> does the rest in the background, acting as the uploader.
/// </summary>
internal sealed class ImportCustomersHandler(CustomersDbContext db, ICurrentUser currentUser, OwnerAssignment owners, TimeProvider clock)
    : ICommandHandler<ImportCustomersCommand, Result<ImportJobDto>>
{
    public async ValueTask<Result<ImportJobDto>> Handle(ImportCustomersCommand command, CancellationToken cancellationToken)
    {
        var owner = await owners.ResolveAsync(command.OwnerId, cancellationToken);
        if (!owner.IsSuccess)
        {
            return owner.Error;
        }

        var format = TableReader.FormatOf(command.FileName!)!.Value;
        var scanned = Scan(format, command.Content);
        if (!scanned.IsSuccess)
        {
            return scanned.Error;
        }

        var (layout, rows) = scanned.Value;
        var job = ImportJob.Queue(
            new ImportUpload(
                currentUser.Id, currentUser.TeamId, currentUser.Role, CultureInfo.CurrentUICulture.Name, Path.GetFileName(command.FileName!), format,
                command.Content, command.Mode, owner.Value.Id, owner.Value.TeamId, layout.Ignored, rows),
            clock.GetDatabaseUtcNow());
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return ImportJobDto.Of(job);
    }

    private static Result<(CustomerFileLayout Layout, int Rows)> Scan(TableFormat format, byte[] content)
    {
        try
        {
            using var reader = TableReader.Open(format, content);
            if (!reader.Read())
            {
                return CustomerFileLayout.FileProblem(FileLanguage.Say("文件是空的。", "The file is empty."));
            }

            var layout = CustomerFileLayout.Of(reader.Cells);
            if (!layout.IsSuccess)
            {
                return layout.Error;
            }

            var rows = 0;
            while (reader.Read())
            {
                if (++rows > ImportLimits.Rows)
                {
                    return CustomerFileLayout.FileProblem(FileLanguage.Say(
                        $"一次最多导入 {ImportLimits.Rows:N0} 行：请把文件分成几份。", $"An import takes at most {ImportLimits.Rows:N0} rows: split the file."));
                }
            }

            return rows == 0
                ? CustomerFileLayout.FileProblem(FileLanguage.Say("列名下面没有数据行。", "There are no rows under the headers."))
                : (layout.Value, rows);
        }
        catch (TableFormatException ex)
        {
            return CustomerFileLayout.FileProblem(FileLanguage.Say(
                $"无法读取文件：第 {ex.AfterRow} 行之后格式有误，或不是 {TableWriter.ExtensionOf(format)} 文件。",
                $"The file cannot be read after row {ex.AfterRow}: it is malformed, or not a {TableWriter.ExtensionOf(format)} file."));
        }
    }
}

public sealed record ImportJobQuery(Guid Id) : IQuery<Result<ImportJobDto>>;

public sealed record ImportJobsQuery : IQuery<IReadOnlyList<ImportJobDto>>;

/// <summary>The route and query string of <c>GET /customers/imports/{id}/rows</c>.</summary>
/// <param name="Outcome">Only the rows with this outcome (e.g. failed, for the error table).</param>
/// <param name="Cursor">The nextCursor of the previous page, unchanged.</param>
/// <param name="Limit">Rows per page, 1 to 200; 50 when omitted.</param>
public sealed record ImportRowsQuery([property: FromRoute] Guid Id, QueryEnum<ImportOutcome>? Outcome, string? Cursor, int? Limit) : IQuery<Result<Page<ImportRowDto>>>
{
    internal const string Sort = "importRows";
}

internal sealed class ImportRowsValidator : AbstractValidator<ImportRowsQuery>
{
    public ImportRowsValidator()
    {
        RuleFor(q => q.Limit).PageLimit();
        RuleFor(q => q.Cursor).CursorOf(_ => ImportRowsQuery.Sort);
    }
}

/// <summary>An import is its uploader's alone: anyone else gets a 404.</summary>
internal sealed class ImportQueriesHandler(CustomersDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ImportJobQuery, Result<ImportJobDto>>,
        IQueryHandler<ImportJobsQuery, IReadOnlyList<ImportJobDto>>,
        IQueryHandler<ImportRowsQuery, Result<Page<ImportRowDto>>>
{
    private const int Recent = 20;

    public async ValueTask<Result<ImportJobDto>> Handle(ImportJobQuery query, CancellationToken cancellationToken) =>
        await Mine().Where(j => j.Id == query.Id).Select(ImportJobDto.Projection).SingleOrDefaultAsync(cancellationToken) is { } job
            ? job
            : Error.NotFound("import", query.Id);

    public async ValueTask<IReadOnlyList<ImportJobDto>> Handle(ImportJobsQuery query, CancellationToken cancellationToken) =>
        await Mine().OrderByDescending(j => j.Id).Take(Recent).Select(ImportJobDto.Projection).ToListAsync(cancellationToken);

    public async ValueTask<Result<Page<ImportRowDto>>> Handle(ImportRowsQuery query, CancellationToken cancellationToken)
    {
        if (!await Mine().AnyAsync(j => j.Id == query.Id, cancellationToken))
        {
            return Error.NotFound("import", query.Id);
        }

        var limit = query.Limit ?? PageLimits.Default;
        var after = Cursor.TryDecode(query.Cursor, ImportRowsQuery.Sort, out var cursor) && int.TryParse(cursor.Key, CultureInfo.InvariantCulture, out var row) ? row : 0;
        var outcome = query.Outcome?.Value;
        var rows = await db.ImportRows.AsNoTracking()
            .Where(r => r.JobId == query.Id && r.Row > after && (outcome == null || r.Outcome == outcome))
            .OrderBy(r => r.Row)
            .Take(limit + 1)
            .Select(r => new ImportRowDto(r.Row, r.Outcome, r.CustomerId, r.Column, r.Message))
            .ToListAsync(cancellationToken);
        return Page.FromOverfetch(rows, limit, last => new Cursor(ImportRowsQuery.Sort, last.Row.ToString(CultureInfo.InvariantCulture), query.Id));
    }

    private IQueryable<ImportJob> Mine() => db.ImportJobs.AsNoTracking().Where(j => j.UserId == currentUser.Id);
}

internal static class ImportCustomersEndpoints
{
    public static void Map(IEndpointRouteBuilder customers)
    {
        customers.MapPost("/imports", async Task<Results<Accepted<ImportJobDto>, ProblemHttpResult>> (
                    IFormFile? file, [FromQuery] QueryEnum<ImportMode>? mode, [FromQuery] Guid? ownerId,
                    IMediator mediator, WakeSignal<ImportRunner> runner, CancellationToken cancellationToken) =>
            {
                byte[] content = [];
                if (file is { Length: > 0 and <= ImportLimits.FileBytes })
                {
                    using var buffer = new MemoryStream((int)file.Length);
                    await file.CopyToAsync(buffer, cancellationToken);
                    content = buffer.ToArray();
                }

                var queued = await mediator.Send(new ImportCustomersCommand(file?.FileName, content, mode?.Value ?? ImportMode.AddNew, ownerId), cancellationToken);
                if (queued.IsSuccess)
                {
                    runner.Notify();
                }

                return queued.ToHttp(job => TypedResults.Accepted($"/api/v1/customers/imports/{job.Id}", job));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ImportLimits.RequestBytes))
            .RejectUnknownQuery()
            .WithName("Customers_Import")
            .WithSummary("Upload a customer file (CSV or xlsx, headers in Chinese or English) to import in the background; 202 with the import to follow")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        customers.MapGet("/imports", async (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new ImportJobsQuery(), cancellationToken)))
            .RejectUnknownQuery()
            .WithName("Customers_Imports")
            .WithSummary("The caller's 20 latest imports, newest first");

        customers.MapGet("/imports/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new ImportJobQuery(id), cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Customers_ImportStatus")
            .WithSummary("An import's status and progress: rows done of total, created, updated, skipped, failed")
            .ProducesProblem(StatusCodes.Status404NotFound);

        customers.MapGet("/imports/{id:guid}/rows", async ([AsParameters] ImportRowsQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Customers_ImportRows")
            .WithSummary("What the import did with each row, in file order: created, updated, skipped (and why) or failed (the column and why)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        customers.MapGet("/imports/template", async Task<Results<PushStreamHttpResult, ProblemHttpResult>> (
                    [FromQuery] QueryEnum<TableFormat>? format, [FromQuery] string? language, CancellationToken cancellationToken) =>
            {
                if (!FileLanguage.IsSupported(language))
                {
                    return Problems.From(Error.Validation(nameof(language), FileLanguage.Rule));
                }

                var chinese = FileLanguage.InChinese(language);
                var kind = format?.Value ?? TableFormat.Csv;
                return TypedResults.Stream(
                    async body =>
                    {
                        await using var table = await TableWriter.CreateAsync(kind, body, chinese ? "客户" : "Customers", cancellationToken);
                        await table.WriteRowAsync([.. CustomerColumns.All.Where(c => c.Read is not null).Select(c => c.Header(chinese))], cancellationToken);
                        await table.CompleteAsync(cancellationToken);
                    },
                    TableWriter.ContentTypeOf(kind),
                    (chinese ? "客户导入模板" : "customer-import-template") + TableWriter.ExtensionOf(kind));
            })
            .RejectUnknownQuery()
            .WithName("Customers_ImportTemplate")
            .WithSummary("An empty customer file with every column an import reads, to fill in")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesValidationProblem();
    }
}
