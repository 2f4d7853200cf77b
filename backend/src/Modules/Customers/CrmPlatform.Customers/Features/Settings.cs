using CrmPlatform.BuildingBlocks.Concurrency;
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
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CrmPlatform.Customers.Features;

/// <param name="CallEveryDays">A call (that reaches the customer), a meeting or a visit is due this many days after the last one.</param>
/// <param name="VisitEveryDays">A meeting or a visit is due this many days after the last one.</param>
public sealed record CadenceDays(int CallEveryDays, int VisitEveryDays);

/// <summary>The cadence of each priority tier: 优先, 一般, 最后.</summary>
public sealed record TierCadences(CadenceDays Priority, CadenceDays General, CadenceDays Last);

/// <summary>The customer pool (公海).</summary>
/// <param name="ReturnAfterDays">A customer with no timeline entry and no new owner for this many days returns to its team's pool.</param>
/// <param name="WarningDays">The owner is told this many days before (0: not told).</param>
/// <param name="ClaimsPerDay">How many customers a rep may claim from the pool in one day.</param>
/// <param name="ReclaimAfterDays">A customer's last owner may claim it back this many days after it went to the pool (0: at once); until then it is the rest of the team's.</param>
public sealed record PoolRules(int ReturnAfterDays, int WarningDays, int ClaimsPerDay, int ReclaimAfterDays);

/// <summary>价值分级: the purchases of the last <paramref name="WindowMonths"/> months rate a buyer A when both its total and its count reach A's, else B when both reach B's, else C.</summary>
/// <param name="WindowMonths">1 to 60.</param>
/// <param name="ATotal">Yuan; at least B's.</param>
/// <param name="APurchases">At least B's.</param>
public sealed record ValueTierThresholds(int WindowMonths, decimal ATotal, int APurchases, decimal BTotal, int BPurchases);

/// <summary>老客户: a customer who has bought (成交) becomes loyal by either rule.</summary>
/// <param name="RelationshipLevel">When the relationship level (客情层次) reaches this, 1 to 4; null: not by level.</param>
/// <param name="CountReferrals">When the customer has referred someone (counted once the Referrals module reports referrals).</param>
public sealed record LoyaltyRules(int? RelationshipLevel, bool CountReferrals);

/// <param name="StaleAfterDays">A customer neither edited nor on the timeline for this many days is shown as stale.</param>
public sealed record CustomerSettingsInput(TierCadences Cadence, int StaleAfterDays, PoolRules Pool, ValueTierThresholds ValueTiers, LoyaltyRules Loyalty);

/// <param name="Version">Row version; the ETag header is this number in quotes.</param>
public sealed record CustomerSettingsDto(TierCadences Cadence, int StaleAfterDays, PoolRules Pool, ValueTierThresholds ValueTiers, LoyaltyRules Loyalty, uint Version);

public sealed record GetCustomerSettingsQuery : IQuery<Result<CustomerSettingsDto>>;

public sealed record ChangeCustomerSettingsCommand(uint ExpectedVersion, CustomerSettingsInput Settings) : ICommand<Result<CustomerSettingsDto>>;

internal sealed class ChangeCustomerSettingsValidator : AbstractValidator<ChangeCustomerSettingsCommand>
{
    public ChangeCustomerSettingsValidator() => RuleFor(c => c.Settings).ChildRules(settings =>
    {
        // JSON null reaches here as null: the nested rules run only under a present parent.
        settings.RuleFor(s => s.Cadence).NotNull().DependentRules(() =>
        {
            settings.RuleFor(s => s.Cadence.Priority).NotNull().SetValidator(CadenceDaysValidator.Instance);
            settings.RuleFor(s => s.Cadence.General).NotNull().SetValidator(CadenceDaysValidator.Instance);
            settings.RuleFor(s => s.Cadence.Last).NotNull().SetValidator(CadenceDaysValidator.Instance);
        });
        settings.RuleFor(s => s.StaleAfterDays).InclusiveBetween(1, CustomerSettings.LongestCadenceDays);
        settings.RuleFor(s => s.Pool).NotNull().DependentRules(() =>
        {
            settings.RuleFor(s => s.Pool.ReturnAfterDays).InclusiveBetween(1, CustomerSettings.LongestCadenceDays);
            settings.RuleFor(s => s.Pool.WarningDays).GreaterThanOrEqualTo(0).LessThan(s => s.Pool.ReturnAfterDays);
            settings.RuleFor(s => s.Pool.ClaimsPerDay).InclusiveBetween(1, 1000);
            settings.RuleFor(s => s.Pool.ReclaimAfterDays).InclusiveBetween(0, CustomerSettings.LongestCadenceDays);
        });
        settings.RuleFor(s => s.ValueTiers).NotNull().DependentRules(() =>
        {
            settings.RuleFor(s => s.ValueTiers.WindowMonths).InclusiveBetween(1, 60);
            settings.RuleFor(s => s.ValueTiers.BTotal).InclusiveBetween(0, MaxTotal).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            settings.RuleFor(s => s.ValueTiers.ATotal).InclusiveBetween(0, MaxTotal).PrecisionScale(14, 2, ignoreTrailingZeros: true)
                .GreaterThanOrEqualTo(s => s.ValueTiers.BTotal);
            settings.RuleFor(s => s.ValueTiers.BPurchases).InclusiveBetween(1, 10_000);
            settings.RuleFor(s => s.ValueTiers.APurchases).InclusiveBetween(1, 10_000).GreaterThanOrEqualTo(s => s.ValueTiers.BPurchases);
        });
        settings.RuleFor(s => s.Loyalty).NotNull().DependentRules(() =>
            settings.RuleFor(s => s.Loyalty.RelationshipLevel).InclusiveBetween(CustomerLimits.LowestRelationshipLevel, CustomerLimits.HighestRelationshipLevel));
    }).AtBodyRoot();

    private const decimal MaxTotal = 999_999_999_999.99m;

    private sealed class CadenceDaysValidator : AbstractValidator<CadenceDays>
    {
        public static readonly CadenceDaysValidator Instance = new();

        private CadenceDaysValidator()
        {
            RuleFor(c => c.CallEveryDays).InclusiveBetween(1, CustomerSettings.LongestCadenceDays);
            RuleFor(c => c.VisitEveryDays).InclusiveBetween(1, CustomerSettings.LongestCadenceDays);
        }
    }
}

internal sealed class GetCustomerSettingsHandler(CustomersDbContext db, SettingsCache settings) : IQueryHandler<GetCustomerSettingsQuery, Result<CustomerSettingsDto>>
{
    public async ValueTask<Result<CustomerSettingsDto>> Handle(GetCustomerSettingsQuery query, CancellationToken cancellationToken) =>
        SettingsCache.ToDto(await settings.GetAsync(db, cancellationToken));
}

internal sealed class ChangeCustomerSettingsHandler(CustomersDbContext db, ValueRating rating, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ChangeCustomerSettingsCommand, Result<CustomerSettingsDto>>
{
    public async ValueTask<Result<CustomerSettingsDto>> Handle(ChangeCustomerSettingsCommand command, CancellationToken cancellationToken)
    {
        var settings = await db.Settings.SingleAsync(s => s.Id == CustomerSettings.SingletonId, cancellationToken);
        if (settings.Version != command.ExpectedVersion)
        {
            return Error.StaleVersion;
        }

        var input = command.Settings;
        settings.Change(Cadence(input.Cadence.Priority), Cadence(input.Cadence.General), Cadence(input.Cadence.Last), input.StaleAfterDays);
        settings.ChangePool(input.Pool.ReturnAfterDays, input.Pool.WarningDays, input.Pool.ClaimsPerDay, input.Pool.ReclaimAfterDays);
        var thresholds = input.ValueTiers;
        var (rated, loyalty) = (settings.ValueTiers, settings.Loyalty);
        settings.ChangeValueRules(
            new ValueTierRules(thresholds.WindowMonths, thresholds.ATotal, thresholds.APurchases, thresholds.BTotal, thresholds.BPurchases),
            new LoyaltyRule(input.Loyalty.RelationshipLevel, input.Loyalty.CountReferrals));
        await db.SaveChangesAsync(cancellationToken);
        // Both follow at once, in the command's transaction; customer rows first, then the ratings (ValueRating.HoldAsync).
        if (settings.Loyalty.RelationshipLevel is { } level && level < (loyalty.RelationshipLevel ?? int.MaxValue))
        {
            await PromoteAsync(level, cancellationToken);
        }

        if (settings.ValueTiers != rated)
        {
            await rating.RecomputeAsync(settings.ValueTiers, customerIds: null, cancellationToken);
        }

        return SettingsCache.ToDto(settings);
    }

    private static Cadence Cadence(CadenceDays days) => new(days.CallEveryDays, days.VisitEveryDays);

    /// <summary>
    /// A lower level makes buyers loyal who were not: in one statement, each with the history entry an edit would
    /// write (the rule never lowers a stage, so a higher level or none changes nobody).
    /// </summary>
    private async Task PromoteAsync(int level, CancellationToken cancellationToken)
    {
        var now = clock.GetDatabaseUtcNow();
        await db.Database.ExecuteSqlAsync(
            $$"""
            WITH promoted AS (
                UPDATE customers.customers SET stage = 'Loyal', updated_at = {{now}}
                WHERE stage = 'Customer' AND relationship_level >= {{level}} AND archived_at IS NULL AND merged_into_id IS NULL
                RETURNING id)
            INSERT INTO customers.audit_entries (id, entity_type, entity_id, action, changed_by, changed_at, changes)
            SELECT (lpad(to_hex((extract(epoch FROM {{now}}::timestamptz) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 3)
                      || '8' || substr(md5(random()::text), 1, 15))::uuid,
                   'customer', id, 'Updated', {{currentUser.Id}}, {{now}}, '[{"field":"stage","old":"customer","new":"loyal"}]'::jsonb
            FROM promoted
            """,
            cancellationToken);
    }
}

/// <summary>
/// The settings, read on every customer read (due dates, overdue filter) and so kept in memory for
/// <see cref="Lifetime"/>: another instance of the API sees an admin's change within that time.
/// </summary>
internal sealed class SettingsCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private static readonly object Key = new();

    public async Task<CustomerSettings> GetAsync(CustomersDbContext db, CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(Key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return db.Settings.AsNoTracking().SingleAsync(s => s.Id == CustomerSettings.SingletonId, cancellationToken);
        }))!;

    public void Forget() => cache.Remove(Key);

    public static CustomerSettingsDto ToDto(CustomerSettings settings) => new(
        new TierCadences(Days(settings, PriorityTier.Priority), Days(settings, PriorityTier.General), Days(settings, PriorityTier.Last)),
        settings.StaleAfterDays,
        new PoolRules(settings.PoolAfterDays, settings.PoolWarningDays, settings.PoolClaimsPerDay, settings.PoolReclaimAfterDays),
        new ValueTierThresholds(settings.ValueWindowMonths, settings.ValueATotal, settings.ValueAPurchases, settings.ValueBTotal, settings.ValueBPurchases),
        new LoyaltyRules(settings.LoyalRelationshipLevel, settings.LoyalCountsReferrals),
        settings.Version);

    private static CadenceDays Days(CustomerSettings settings, PriorityTier tier)
    {
        var cadence = settings.CadenceOf(tier);
        return new(cadence.CallEveryDays, cadence.VisitEveryDays);
    }
}

internal static class SettingsEndpoints
{
    public static void Map(IEndpointRouteBuilder customers)
    {
        customers.MapGet("/settings", async (IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new GetCustomerSettingsQuery(), cancellationToken)).ToHttp(settings =>
                {
                    response.SetETag(settings.Version);
                    return TypedResults.Ok(settings);
                }))
            .WithName("Customers_GetSettings")
            .WithSummary("The contact cadence of each priority tier, when a customer counts as stale, the pool's rules, the value tiers and the loyal rule");

        customers.MapPut("/settings", (
                    CustomerSettingsInput body,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    SettingsCache cache,
                    HttpResponse response,
                    CancellationToken cancellationToken) =>
                response.ChangeAsync(
                    ifMatch,
                    async expected =>
                    {
                        var result = await mediator.Send(new ChangeCustomerSettingsCommand(expected, body), cancellationToken);
                        // After the commit: forgotten inside the transaction, a read in between would cache the old row again.
                        cache.Forget();
                        return result;
                    },
                    settings => settings.Version))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithName("Customers_ChangeSettings")
            .WithSummary("Change the cadence, staleness, pool, value-tier and loyalty settings (admins); requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }
}
