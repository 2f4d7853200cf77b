using System.Text.Json;
using System.Text.Json.Serialization;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using CrmPlatform.Identity.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

/// <summary>A customer that may be the same as the one in question; the caller may see it.</summary>
/// <param name="SamePhone">A phone number of the two is the same (ignoring spaces, dashes and +86).</param>
/// <param name="SameNameAndCompany">Same name at the same company (ignoring case and spaces).</param>
/// <param name="Version">Its row version: what a merge of it must name.</param>
public sealed record DuplicateCandidateDto(
    Guid Id, string Name, string? Company, string? Phone, Guid OwnerId, string? OwnerName, bool SamePhone, bool SameNameAndCompany, uint Version);

/// <param name="Candidates">The matches the caller may see, at most 10.</param>
/// <param name="OtherMatches">Matches not listed: beyond the first 10, in a pool, or outside the caller's record scope.</param>
public sealed record DuplicatesDto(IReadOnlyList<DuplicateCandidateDto> Candidates, int OtherMatches)
{
    public static readonly DuplicatesDto None = new([], 0);

    [JsonIgnore]
    public bool Any => Candidates.Count > 0 || OtherMatches > 0;
}

/// <summary>
/// A 409 of a create; when its code is <c>customer.possible_duplicate</c>, the customer looks like existing ones
/// and the problem lists them (other 409s, e.g. a retry still running, have neither member).
/// </summary>
public sealed class PossibleDuplicatesProblem : ProblemDetails
{
    public const string Code = "customer.possible_duplicate";

    /// <summary>The matches the caller may see, at most 10.</summary>
    public IReadOnlyList<DuplicateCandidateDto>? Candidates { get; init; }

    /// <summary>Matches not listed: beyond the first 10, in a pool, or outside the caller's record scope.</summary>
    public int? OtherMatches { get; init; }

    public static Error Of(DuplicatesDto duplicates) =>
        Error.Conflict(Code, "A customer with the same phone, or the same name at the same company, already exists. Open it, or send confirmDuplicate=true to create this one anyway.") with
        {
            Extensions = new Dictionary<string, object?>
            {
                [JsonNamingPolicy.CamelCase.ConvertName(nameof(Candidates))] = duplicates.Candidates,
                [JsonNamingPolicy.CamelCase.ConvertName(nameof(OtherMatches))] = duplicates.OtherMatches,
            },
        };
}

/// <summary>Finds the customers that match by <see cref="DuplicateKeys"/>, listing only those the caller may see.</summary>
internal sealed class DuplicateFinder(CustomersDbContext db, ICurrentUser currentUser, IUserDirectory users)
{
    private const int MaxCandidates = 10;

    /// <summary>Customers like one about to be saved.</summary>
    public async Task<DuplicatesDto> FindAsync(Customer customer, CancellationToken cancellationToken) =>
        await FindAsync(await db.KeysOfAsync(customer.Name, customer.Company, customer.Phone, customer.OtherPhones, cancellationToken), customer.Id, cancellationToken);

    public async Task<DuplicatesDto> FindAsync(DuplicateKeys.Keys keys, Guid except, CancellationToken cancellationToken)
    {
        if (keys.IsEmpty)
        {
            return DuplicatesDto.None;
        }

        var phones = keys.Phones;
        var identity = keys.Identity;
        var matching = db.Customers.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.ArchivedAt == null && c.MergedIntoId == null && c.Id != except)
            .Where(c => EF.Property<string[]>(c, DuplicateKeys.PhoneKeysColumn).Any(k => phones.Contains(k))
                || (identity != null && EF.Property<string>(c, DuplicateKeys.IdentityKeyColumn) == identity));
        var total = await matching.CountAsync(cancellationToken);
        if (total == 0)
        {
            return DuplicatesDto.None;
        }

        var listed = await matching.Where(c => c.PooledAt == null).VisibleTo(currentUser)
            .OrderBy(c => c.Id)
            .Take(MaxCandidates)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Company,
                c.Phone,
                c.OwnerId,
                c.Version,
                SamePhone = EF.Property<string[]>(c, DuplicateKeys.PhoneKeysColumn).Any(k => phones.Contains(k)),
                SameNameAndCompany = identity != null && EF.Property<string>(c, DuplicateKeys.IdentityKeyColumn) == identity,
            })
            .ToListAsync(cancellationToken);
        var owners = await users.DisplayNamesAsync([.. listed.Select(c => c.OwnerId).Distinct()], cancellationToken);
        return new DuplicatesDto(
            [.. listed.Select(c => new DuplicateCandidateDto(c.Id, c.Name, c.Company, c.Phone, c.OwnerId, owners.GetValueOrDefault(c.OwnerId), c.SamePhone, c.SameNameAndCompany, c.Version))],
            total - listed.Count);
    }
}

public sealed record CustomerDuplicatesQuery(Guid Id) : IQuery<Result<DuplicatesDto>>;

internal sealed class CustomerDuplicatesHandler(CustomersDbContext db, ICurrentUser currentUser, DuplicateFinder finder)
    : IQueryHandler<CustomerDuplicatesQuery, Result<DuplicatesDto>>
{
    public async ValueTask<Result<DuplicatesDto>> Handle(CustomerDuplicatesQuery query, CancellationToken cancellationToken)
    {
        var keys = await db.Customers.AsNoTracking().VisibleTo(currentUser)
            .Where(c => c.Id == query.Id)
            .Select(c => new DuplicateKeys.Keys(
                EF.Property<string[]>(c, DuplicateKeys.PhoneKeysColumn), EF.Property<string?>(c, DuplicateKeys.IdentityKeyColumn)))
            .SingleOrDefaultAsync(cancellationToken);
        return keys is null ? Error.NotFound("customer", query.Id) : await finder.FindAsync(keys, query.Id, cancellationToken);
    }
}

internal static class DuplicatesEndpoint
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapGet("/{id:guid}/duplicates", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new CustomerDuplicatesQuery(id), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("Customers_Duplicates")
            .WithSummary("Other customers that may be the same one: a phone in common, or the same name at the same company")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
