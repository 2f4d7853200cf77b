using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

/// <param name="Name">What the user calls it; saving under a name they already use replaces that filter.</param>
/// <param name="Query">The list's query string without cursor and limit, e.g. <c>stage=intent&amp;tag=VIP&amp;sort=name</c>.</param>
public sealed record SavedFilterInput([property: MaxLength(SavedFilterLimits.Name)] string Name, [property: MaxLength(SavedFilterLimits.Query)] string Query);

public sealed record SavedFilterDto(Guid Id, string Name, string Query, DateTimeOffset SavedAt);

public sealed record SaveFilterCommand(SavedFilterInput Filter) : ICommand<Result<SavedFilterDto>>;

public sealed record DeleteSavedFilterCommand(Guid Id) : ICommand<Result<Unit>>;

public sealed record ListSavedFiltersQuery : IQuery<Result<IReadOnlyList<SavedFilterDto>>>;

internal sealed class SaveFilterValidator : AbstractValidator<SaveFilterCommand>
{
    /// <summary>The list's filter and sort parameters (a cursor or a page size would go stale), each with the type it binds to.</summary>
    private static readonly Dictionary<string, Type> FilterParameters = typeof(ICustomerFilter).GetProperties()
        .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType, StringComparer.Ordinal);

    public SaveFilterValidator() => RuleFor(c => c.Filter).ChildRules(filter =>
    {
        filter.RuleFor(f => f.Name).Cascade(CascadeMode.Stop).NotNull().Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Name the filter.")
            .MaximumLength(SavedFilterLimits.Name);
        filter.RuleFor(f => f.Query).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(SavedFilterLimits.Query)
            .Must(IsListFilter)
            .WithMessage($"A saved filter holds the list's filters and sort, each once with a value it takes: {string.Join(", ", FilterParameters.Keys.Order(StringComparer.Ordinal))}.");
    }).AtBodyRoot();

    /// <summary>Each parameter once, known, and with a value the list would bind: applying the filter shows what was saved.</summary>
    private static bool IsListFilter(string query) =>
        !query.StartsWith('?')
        && QueryHelpers.ParseQuery(query) is var parameters
        && parameters.Count > 0
        && parameters.All(p => p.Value.Count == 1 && FilterParameters.TryGetValue(p.Key, out var type) && Binds(type, p.Value.ToString()));

    private static bool Binds(Type type, string value)
    {
        if (QueryEnum.EnumOf(type) is { } enumType)
        {
            return QueryEnum.NamesOf(enumType).Contains(value, StringComparer.OrdinalIgnoreCase);
        }

        return type == typeof(Guid) ? Guid.TryParse(value, out _)
            : type == typeof(int) ? int.TryParse(value, out var level) && level is >= CustomerLimits.LowestRelationshipLevel and <= CustomerLimits.HighestRelationshipLevel
            : value.Length is > 0 and <= 100;
    }
}

/// <summary>Saves the caller's filter under its name: a new one, or the one of that name replaced.</summary>
internal sealed class SaveFilterHandler(CustomersDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveFilterCommand, Result<SavedFilterDto>>
{
    public async ValueTask<Result<SavedFilterDto>> Handle(SaveFilterCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetDatabaseUtcNow();
        var name = command.Filter.Name.Trim();
        var filter = await db.SavedFilters.SingleOrDefaultAsync(f => f.UserId == currentUser.Id && f.Name == name, cancellationToken);
        if (filter is not null)
        {
            filter.Replace(command.Filter.Query, now);
        }
        else if (await db.SavedFilters.CountAsync(f => f.UserId == currentUser.Id, cancellationToken) >= SavedFilterLimits.PerUser)
        {
            return Error.Unprocessable("customer.saved_filter_limit", "name", $"You keep {SavedFilterLimits.PerUser} filters at most: delete one first.");
        }
        else
        {
            filter = SavedFilter.Save(currentUser.Id, name, command.Filter.Query, now);
            db.SavedFilters.Add(filter);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return Error.Conflict("customer.saved_filter_conflict", "A filter of this name was saved at the same moment: send it again to replace it.");
        }

        return new SavedFilterDto(filter.Id, filter.Name, filter.Query, filter.SavedAt);
    }
}

internal sealed class DeleteSavedFilterHandler(CustomersDbContext db, ICurrentUser currentUser) : ICommandHandler<DeleteSavedFilterCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(DeleteSavedFilterCommand command, CancellationToken cancellationToken)
    {
        var filter = await db.SavedFilters.SingleOrDefaultAsync(f => f.Id == command.Id && f.UserId == currentUser.Id, cancellationToken);
        if (filter is null)
        {
            return Error.NotFound("saved_filter", command.Id);
        }

        db.SavedFilters.Remove(filter);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal sealed class ListSavedFiltersHandler(CustomersDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListSavedFiltersQuery, Result<IReadOnlyList<SavedFilterDto>>>
{
    public async ValueTask<Result<IReadOnlyList<SavedFilterDto>>> Handle(ListSavedFiltersQuery query, CancellationToken cancellationToken) =>
        await db.SavedFilters.AsNoTracking()
            .Where(f => f.UserId == currentUser.Id)
            .OrderBy(f => f.Name)
            .Select(f => new SavedFilterDto(f.Id, f.Name, f.Query, f.SavedAt))
            .ToListAsync(cancellationToken);
}

internal static class SavedFilterEndpoints
{
    public static void Map(IEndpointRouteBuilder customers)
    {
        customers.MapGet("/saved-filters", async (IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new ListSavedFiltersQuery(), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("Customers_ListSavedFilters")
            .WithSummary("Your saved list filters, by name");

        customers.MapPost("/saved-filters", async (SavedFilterInput body, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new SaveFilterCommand(body), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("Customers_SaveFilter")
            .WithSummary("Save a list filter under a name (replacing yours of that name); at most 50")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        customers.MapDelete("/saved-filters/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new DeleteSavedFilterCommand(id), cancellationToken)).ToHttp(_ => TypedResults.NoContent()))
            .WithName("Customers_DeleteSavedFilter")
            .WithSummary("Delete one of your saved filters")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
