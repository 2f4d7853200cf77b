using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Time;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmPlatform.Customers.Features;

/// <param name="DaysAway">0 for today.</param>
public sealed record UpcomingFestivalDto(Festival Festival, DateOnly Date, int DaysAway);

/// <param name="Days">How far ahead, 1 to 366; 30 when omitted.</param>
public sealed record UpcomingFestivalsQuery(int? Days) : IQuery<Result<IReadOnlyList<UpcomingFestivalDto>>>;

internal sealed class UpcomingFestivalsValidator : AbstractValidator<UpcomingFestivalsQuery>
{
    public UpcomingFestivalsValidator() => RuleFor(q => q.Days).InclusiveBetween(1, 366);
}

/// <summary>The festivals ahead (节日), for greetings: the same for everyone, in China's calendar.</summary>
internal sealed class UpcomingFestivalsHandler(TimeProvider clock) : IQueryHandler<UpcomingFestivalsQuery, Result<IReadOnlyList<UpcomingFestivalDto>>>
{
    public ValueTask<Result<IReadOnlyList<UpcomingFestivalDto>>> Handle(UpcomingFestivalsQuery query, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        IReadOnlyList<UpcomingFestivalDto> festivals =
            [.. ChineseFestivals.Upcoming(today, query.Days ?? 30).Select(f => new UpcomingFestivalDto(f.Festival, f.Day, f.Day.DayNumber - today.DayNumber))];
        return ValueTask.FromResult<Result<IReadOnlyList<UpcomingFestivalDto>>>(Result<IReadOnlyList<UpcomingFestivalDto>>.Success(festivals));
    }
}

internal static class FestivalEndpoints
{
    public static void Map(IEndpointRouteBuilder customers) =>
        customers.MapGet("/festivals/upcoming", async ([AsParameters] UpcomingFestivalsQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(query, cancellationToken)).ToHttp(TypedResults.Ok))
            .RejectUnknownQuery()
            .WithName("Customers_UpcomingFestivals")
            .WithSummary("China's statutory festivals in the next days (today included), soonest first: when to greet customers")
            .ProducesValidationProblem();
}
