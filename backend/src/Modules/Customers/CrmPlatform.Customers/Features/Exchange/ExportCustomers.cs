using System.Globalization;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using CrmPlatform.BuildingBlocks.Exchange;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Localization;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features.Exchange;

/// <summary>The query string of <c>GET /customers/export</c>: the list's filters and order, and the file to make.</summary>
/// <param name="Format">csv (the default) or xlsx.</param>
/// <param name="Language">The headers' and values' language: zh-CN or en; the request's language when omitted.</param>
public sealed record ExportCustomersQuery(
    string? Q,
    QueryEnum<CustomerStage>? Stage,
    Guid? OwnerId,
    QueryEnum<Importance>? Importance,
    QueryEnum<PriorityTier>? PriorityTier,
    int? RelationshipLevel,
    string? Region,
    string? Industry,
    QueryEnum<CustomerSource>? Source,
    string? Tag,
    QueryEnum<ContactDue>? Overdue,
    QueryEnum<ValueTierFilter>? ValueTier,
    QueryEnum<CustomerSort>? Sort,
    QueryEnum<TableFormat>? Format,
    string? Language) : IQuery<Result<CustomerExport>>, ICustomerFilter
{
    internal bool InChinese => FileLanguage.InChinese(Language);
}

internal sealed class ExportCustomersValidator : AbstractValidator<ExportCustomersQuery>
{
    public ExportCustomersValidator()
    {
        Include(new CustomerFilterValidator());
        RuleFor(q => q.Language).Must(FileLanguage.IsSupported).WithMessage(FileLanguage.Rule);
    }
}

internal sealed class ExportCustomersHandler(CustomersDbContext db, CustomerFilters filters, CustomerViews views, IMapper mapper)
    : IQueryHandler<ExportCustomersQuery, Result<CustomerExport>>
{
    public async ValueTask<Result<CustomerExport>> Handle(ExportCustomersQuery query, CancellationToken cancellationToken)
    {
        var sort = query.Sort?.Value ?? CustomerSort.CreatedAtDescending;
        var rules = await views.RulesAsync(cancellationToken);

        // A chunk is one short keyset query after the previous chunk's last row, like a page of the list.
        async Task<IReadOnlyList<CustomerDto>> ReadAfterAsync(CustomerDto? last, CancellationToken token)
        {
            var after = last is null ? null : new Cursor(sort.ToString(), sort is CustomerSort.Name or CustomerSort.NameDescending ? last.Name : null, last.Id);
            var chunk = await filters.ApplyAsync(db.Customers.AsNoTracking(), query, after, CustomerExport.ChunkSize, token);
            var rows = await chunk.ProjectTo<CustomerDto>(mapper.ConfigurationProvider).ReadAsync(db, query.Q, token);
            return await views.CompleteAsync(rows, rules, token);
        }

        return new CustomerExport(ReadAfterAsync, query.Format?.Value ?? TableFormat.Csv, query.InChinese);
    }
}

/// <summary>
/// The customers of an export, not read yet: written to the response a thousand at a time, each thousand read by a
/// keyset query of its own (no connection or snapshot is held for the whole download) and completed with owners'
/// names and cadence, so memory stays flat whatever the count.
/// </summary>
public sealed class CustomerExport
{
    internal const int ChunkSize = 1000;
    private readonly Func<CustomerDto?, CancellationToken, Task<IReadOnlyList<CustomerDto>>> _readAfter;

    internal CustomerExport(Func<CustomerDto?, CancellationToken, Task<IReadOnlyList<CustomerDto>>> readAfter, TableFormat format, bool inChinese)
    {
        _readAfter = readAfter;
        Format = format;
        InChinese = inChinese;
    }

    public TableFormat Format { get; }

    public bool InChinese { get; }

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        await using var table = await TableWriter.CreateAsync(Format, output, InChinese ? "客户" : "Customers", cancellationToken);
        await table.WriteRowAsync([.. CustomerColumns.All.Select(c => c.Header(InChinese))], cancellationToken);
        CustomerDto? last = null;
        IReadOnlyList<CustomerDto> chunk;
        do
        {
            chunk = await _readAfter(last, cancellationToken);
            foreach (var customer in chunk)
            {
                await table.WriteRowAsync([.. CustomerColumns.All.Select(c => c.Write(customer, InChinese))], cancellationToken);
            }

            last = chunk.Count > 0 ? chunk[^1] : last;
        }
        while (chunk.Count == ChunkSize);

        await table.CompleteAsync(cancellationToken);
    }
}

internal static class ExportCustomersEndpoint
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapGet("/export", async Task<Results<PushStreamHttpResult, ProblemHttpResult>> (
                    [AsParameters] ExportCustomersQuery query, IMediator mediator, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var export = await mediator.Send(query, cancellationToken);
                if (!export.IsSuccess)
                {
                    return Problems.From(export.Error);
                }

                var file = $"customers-{ChinaTime.Today(clock):yyyyMMdd}{TableWriter.ExtensionOf(export.Value.Format)}";
                return TypedResults.Stream(body => export.Value.WriteAsync(body, cancellationToken), TableWriter.ContentTypeOf(export.Value.Format), file);
            })
            .RejectUnknownQuery()
            .WithName("Customers_Export")
            .WithSummary("Download the customers a list filter finds, as CSV (UTF-8) or Excel, streamed: any number of rows")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesValidationProblem();
}
