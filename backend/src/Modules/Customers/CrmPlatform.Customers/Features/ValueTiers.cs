using System.ComponentModel.DataAnnotations;
using AutoMapper;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Customers.Features;

/// <summary>A customer's value (价值分级): the tier that stands, and where it comes from.</summary>
/// <param name="Tier">The override when there is one, else the computed tier; null: unrated (no purchase in the window, and no override).</param>
/// <param name="ComputedTier">From the purchases of the last <paramref name="WindowMonths"/> months; null when there were none.</param>
/// <param name="Override">Set by hand, with <paramref name="OverrideReason"/>.</param>
/// <param name="OverrideReason">Why the tier was last set or given back to the computation.</param>
/// <param name="PurchaseTotal">Yuan, in the window.</param>
/// <param name="PurchaseCount">Purchases in the window.</param>
public sealed record CustomerValueDto(
    ValueTier? Tier, ValueTier? ComputedTier, ValueTier? Override, string? OverrideReason, decimal PurchaseTotal, int PurchaseCount, int WindowMonths);

/// <param name="Tier">The tier to stand whatever the purchases say; null gives the tier back to the computation.</param>
/// <param name="Reason">Why (required, at most 200 characters); kept with the customer and in its history.</param>
public sealed record ValueTierOverrideInput(ValueTier? Tier, [property: MaxLength(ValueTierLimits.Reason)] string Reason);

public sealed record OverrideValueTierCommand(Guid Id, uint ExpectedVersion, ValueTierOverrideInput Override) : ICommand<Result<CustomerDto>>;

internal sealed class OverrideValueTierValidator : AbstractValidator<OverrideValueTierCommand>
{
    public OverrideValueTierValidator() => RuleFor(c => c.Override).ChildRules(input =>
    {
        input.RuleFor(i => i.Tier).IsInEnum();
        input.RuleFor(i => i.Reason).NotEmpty().MaximumLength(ValueTierLimits.Reason);
    }).AtBodyRoot();
}

internal sealed class OverrideValueTierHandler(CustomersDbContext db, ICurrentUser currentUser, CustomerViews views, TimeProvider clock, IMapper mapper)
    : ICommandHandler<OverrideValueTierCommand, Result<CustomerDto>>
{
    public async ValueTask<Result<CustomerDto>> Handle(OverrideValueTierCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, currentUser, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        found.Value.OverrideValueTier(command.Override.Tier, command.Override.Reason, clock.GetDatabaseUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await views.CompleteAsync(mapper.Map<CustomerDto>(found.Value), cancellationToken);
    }
}

/// <summary>
/// Rates customers from their purchases in the window, in SQL for any number of them: a customer with purchases
/// gets its tier, total and count; one without any in the window loses its row (unrated).
/// </summary>
internal sealed class ValueRating(CustomersDbContext db, TimeProvider clock)
{
    private const long RatingLock = 0x56616C_75655469;

    /// <summary>
    /// Holds the ratings until the transaction ends: shared to rate some customers, exclusive to rate everyone.
    /// Rating everyone reads every purchase once; a purchase recorded meanwhile would have its fresh rating written
    /// over, and two such runs at once would deadlock. Taken after any customer row a transaction locks.
    /// </summary>
    public async Task HoldAsync(bool everyone, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            everyone ? "SELECT pg_advisory_xact_lock(@key)" : "SELECT pg_advisory_xact_lock_shared(@key)",
            [new NpgsqlParameter("key", RatingLock)],
            cancellationToken);

    /// <summary>
    /// Rates the given customers, or (null) every customer: after a change of the rules, and each night as purchases
    /// leave the window. Runs in the caller's transaction.
    /// </summary>
    public async Task RecomputeAsync(ValueTierRules rules, IReadOnlyCollection<Guid>? customerIds, CancellationToken cancellationToken)
    {
        await HoldAsync(everyone: customerIds is null, cancellationToken);
        // Two texts, not "@all OR customer_id = ANY(@ids)": a prepared statement's generic plan could not use the index for one customer.
        const string Listed = "AND customer_id = ANY(@ids)";
        var only = customerIds is null ? string.Empty : Listed;
        var now = clock.GetDatabaseUtcNow();
        NpgsqlParameter[] Parameters() =>
        [
            new("since", rules.WindowStart(now)),
            new("now", now),
            new("aTotal", rules.ATotal),
            new("aPurchases", rules.APurchases),
            new("bTotal", rules.BTotal),
            new("bPurchases", rules.BPurchases),
            new("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = customerIds?.ToArray() ?? [] },
        ];
        // The only text put into the SQL is one of two constants; every value is a parameter. A rating that did not
        // change is not written again: the nightly run rewrites only what moved.
        var rate = $"""
            INSERT INTO customers.customer_value AS v (customer_id, tier, purchase_total, purchase_count, computed_at)
            SELECT customer_id,
                   CASE WHEN sum(amount) >= @aTotal AND count(*) >= @aPurchases THEN 'A'
                        WHEN sum(amount) >= @bTotal AND count(*) >= @bPurchases THEN 'B'
                        ELSE 'C' END,
                   sum(amount), count(*), @now
            FROM customers.customer_purchases
            WHERE purchased_at >= @since {only}
            GROUP BY customer_id
            ON CONFLICT (customer_id) DO UPDATE SET
                tier = excluded.tier, purchase_total = excluded.purchase_total, purchase_count = excluded.purchase_count, computed_at = excluded.computed_at
            WHERE (v.tier, v.purchase_total, v.purchase_count) IS DISTINCT FROM (excluded.tier, excluded.purchase_total, excluded.purchase_count)
            """;
        var unrate = $"""
            DELETE FROM customers.customer_value v
            WHERE NOT EXISTS (SELECT 1 FROM customers.customer_purchases p WHERE p.customer_id = v.customer_id AND p.purchased_at >= @since) {only}
            """;
        await db.Database.ExecuteSqlRawAsync(rate, Parameters(), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(unrate, Parameters(), cancellationToken);
    }
}

/// <summary>Each night at 03:00 (China) every customer is rated again: purchases leave the window as days pass.</summary>
internal sealed class ValueTierJob(CustomersDbContext db, SettingsCache settings, ValueRating rating) : IDailyJob
{
    public string Name => "customers.value-tiers";

    public TimeOnly At => new(3, 0);

    public async Task RunAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await rating.RecomputeAsync((await settings.GetAsync(db, cancellationToken)).ValueTiers, customerIds: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

internal static class ValueTierEndpoints
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapPut("/{id:guid}/value-tier", (
                    Guid id,
                    ValueTierOverrideInput body,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new OverrideValueTierCommand(id, expected, body), cancellationToken), customer => customer.Version))
            .WithName("Customers_OverrideValueTier")
            .WithSummary("Set a customer's value tier (A/B/C) by hand, or give it back to the purchases (tier null), with a reason; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
