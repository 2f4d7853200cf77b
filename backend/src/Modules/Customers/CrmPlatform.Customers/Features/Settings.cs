using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
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
public sealed record PoolRules(int ReturnAfterDays, int WarningDays, int ClaimsPerDay);

/// <param name="StaleAfterDays">A customer neither edited nor on the timeline for this many days is shown as stale.</param>
public sealed record CustomerSettingsInput(TierCadences Cadence, int StaleAfterDays, PoolRules Pool);

/// <param name="Version">Row version; the ETag header is this number in quotes.</param>
public sealed record CustomerSettingsDto(TierCadences Cadence, int StaleAfterDays, PoolRules Pool, uint Version);

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
        });
    }).AtBodyRoot();

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

internal sealed class ChangeCustomerSettingsHandler(CustomersDbContext db)
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
        settings.ChangePool(input.Pool.ReturnAfterDays, input.Pool.WarningDays, input.Pool.ClaimsPerDay);
        await db.SaveChangesAsync(cancellationToken);
        return SettingsCache.ToDto(settings);
    }

    private static Cadence Cadence(CadenceDays days) => new(days.CallEveryDays, days.VisitEveryDays);
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
        new PoolRules(settings.PoolAfterDays, settings.PoolWarningDays, settings.PoolClaimsPerDay),
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
            .WithSummary("The contact cadence of each priority tier, when a customer counts as stale, and the pool's rules");

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
            .WithSummary("Change the cadence, staleness and pool settings (admins); requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }
}
