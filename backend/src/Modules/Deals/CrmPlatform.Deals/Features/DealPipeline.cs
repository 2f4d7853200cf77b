using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Paging;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.BuildingBlocks.Time;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

/// <param name="Stage">The key of the stage to move to: an open stage for an open deal, a won stage for a won one.</param>
public sealed record DealStageInput([property: MaxLength(StageLimits.Key)] string Stage);

/// <param name="WonOn">The day it was won (Asia/Shanghai); today when omitted, never in the future.</param>
public sealed record WinDealInput(DateOnly? WonOn);

/// <param name="Note">What else is worth knowing, at most 500 characters.</param>
public sealed record LoseDealInput(LostReason Reason, [property: MaxLength(DealLimits.LostNote)] string? Note);

/// <summary>A move on the board: the deal goes to another stage of its phase, and the step is kept with who and when.</summary>
public sealed record MoveDealCommand(Guid Id, uint ExpectedVersion, DealStageInput Move) : ICommand<Result<DealDto>>;

/// <summary>成交: the deal is won, and its customer's archive, stage, value tier and timeline learn it (<see cref="RecordPurchase"/>).</summary>
public sealed record WinDealCommand(Guid Id, uint ExpectedVersion, WinDealInput Win) : ICommand<Result<DealDto>>;

public sealed record LoseDealCommand(Guid Id, uint ExpectedVersion, LoseDealInput Loss) : ICommand<Result<DealDto>>;

public sealed record ReopenDealCommand(Guid Id, uint ExpectedVersion) : ICommand<Result<DealDto>>;

internal sealed class MoveDealValidator : AbstractValidator<MoveDealCommand>
{
    public MoveDealValidator() => RuleFor(c => c.Move).ChildRules(move => move.RuleFor(m => m.Stage).NotEmpty().MaximumLength(StageLimits.Key)).AtBodyRoot();
}

internal sealed class WinDealValidator : AbstractValidator<WinDealCommand>
{
    public WinDealValidator(TimeProvider clock) => RuleFor(c => c.Win).ChildRules(win =>
        {
            win.RuleFor(w => w.WonOn).LessThanOrEqualTo(_ => ChinaTime.Today(clock)).When(w => w.WonOn is not null)
                .WithMessage("A deal is won on a day that has come: not in the future.");
            win.RuleFor(w => w.WonOn).GreaterThanOrEqualTo(CalendarLimits.Earliest).When(w => w.WonOn is not null);
        })
        .AtBodyRoot();
}

internal sealed class LoseDealValidator : AbstractValidator<LoseDealCommand>
{
    public LoseDealValidator() => RuleFor(c => c.Loss).ChildRules(loss =>
    {
        loss.RuleFor(l => l.Reason).IsInEnum();
        loss.RuleFor(l => l.Note).MaximumLength(DealLimits.LostNote);
    }).AtBodyRoot();
}

internal sealed class MoveDealHandler(DealsDbContext db, DealViews views, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MoveDealCommand, Result<DealDto>>
{
    public async ValueTask<Result<DealDto>> Handle(MoveDealCommand command, CancellationToken cancellationToken)
    {
        var found = await views.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var stage = await db.Stages.AsNoTracking().SingleOrDefaultAsync(s => s.Key == command.Move.Stage, cancellationToken);
        if (stage is null)
        {
            return Error.Unprocessable("deal.stage_unknown", "stage", $"The pipeline has no stage '{command.Move.Stage}'.");
        }

        return await DealChange.SaveAsync(db, views, found.Value, found.Value.MoveTo(stage, currentUser.Id, clock.GetDatabaseUtcNow()), cancellationToken);
    }
}

internal sealed class WinDealHandler(DealsDbContext db, DealViews views, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<WinDealCommand, Result<DealDto>>
{
    public const string Source = "deals";

    public async ValueTask<Result<DealDto>> Handle(WinDealCommand command, CancellationToken cancellationToken)
    {
        var found = await views.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var deal = found.Value;
        var wonStage = await db.Stages.AsNoTracking().Where(s => s.Phase == StagePhase.Won).OrderBy(s => s.Position).FirstAsync(cancellationToken);
        var now = clock.GetDatabaseUtcNow();
        var today = ChinaTime.DayOf(now);
        var wonOn = command.Win.WonOn ?? today;
        if (deal.Win(wonStage, wonOn, currentUser.Id, now) is { } problem)
        {
            return problem;
        }

        // Published with the win, in its transaction: the purchase is recorded exactly when the deal is won.
        db.Publish(new RecordPurchase(
            Guid.CreateVersion7(now), now, deal.CustomerId, deal.Title, deal.Amount, deal.Currency,
            wonOn == today ? now : ChinaTime.StartOf(wonOn),
            [.. deal.Lines.OrderBy(l => l.Position).Select(l => new PurchaseLine(l.Product, l.Spec, l.Unit, l.Quantity, l.UnitPrice, l.DiscountPercent, l.Amount))],
            deal.Id, currentUser.Id, Source));
        return await DealChange.SaveAsync(db, views, deal, null, cancellationToken);
    }
}

internal sealed class LoseDealHandler(DealsDbContext db, DealViews views, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<LoseDealCommand, Result<DealDto>>
{
    public async ValueTask<Result<DealDto>> Handle(LoseDealCommand command, CancellationToken cancellationToken)
    {
        var found = await views.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        return found.IsSuccess
            ? await DealChange.SaveAsync(
                db, views, found.Value, found.Value.Lose(command.Loss.Reason, command.Loss.Note, currentUser.Id, clock.GetDatabaseUtcNow()), cancellationToken)
            : found.Error;
    }
}

internal sealed class ReopenDealHandler(DealsDbContext db, DealViews views, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReopenDealCommand, Result<DealDto>>
{
    public async ValueTask<Result<DealDto>> Handle(ReopenDealCommand command, CancellationToken cancellationToken)
    {
        var found = await views.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        return found.IsSuccess
            ? await DealChange.SaveAsync(db, views, found.Value, found.Value.Reopen(currentUser.Id, clock.GetDatabaseUtcNow()), cancellationToken)
            : found.Error;
    }
}

internal static class DealChange
{
    /// <summary>Saves the deal unless the domain refused the change, and answers it as it now stands.</summary>
    public static async Task<Result<DealDto>> SaveAsync(DealsDbContext db, DealViews views, Deal deal, Error? refused, CancellationToken cancellationToken)
    {
        if (refused is not null)
        {
            return refused;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await views.FindAsync(deal.Id, cancellationToken) is { } changed ? changed : Error.NotFound("deal", deal.Id);
    }
}

internal static class DealPipelineEndpoints
{
    public static void Map(IEndpointRouteBuilder deals)
    {
        deals.MapPut("/{id:guid}/stage", (Guid id, DealStageInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new MoveDealCommand(id, expected, body), cancellationToken), deal => deal.Version))
            .WithName("Deals_Move")
            .WithSummary("Move a deal to another stage of its phase (the board's drag and drop); requires If-Match")
            .WithChangeProblems();

        deals.MapPost("/{id:guid}/win", (Guid id, WinDealInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new WinDealCommand(id, expected, body), cancellationToken), deal => deal.Version))
            .WithName("Deals_Win")
            .WithSummary("Win a deal (成交): it goes to the first won stage, and the customer's purchase archive, stage, value tier and timeline record it; requires If-Match")
            .WithChangeProblems();

        deals.MapPost("/{id:guid}/lose", (Guid id, LoseDealInput body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new LoseDealCommand(id, expected, body), cancellationToken), deal => deal.Version))
            .WithName("Deals_Lose")
            .WithSummary("Lose a deal, with the reason; requires If-Match")
            .WithChangeProblems();

        deals.MapPost("/{id:guid}/reopen", ([FromRoute] Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new ReopenDealCommand(id, expected), cancellationToken), deal => deal.Version))
            .WithName("Deals_Reopen")
            .WithSummary("Reopen a lost deal in the stage it was lost in; requires If-Match")
            .WithChangeProblems();
    }

    /// <summary>What every change of a deal's place in the pipeline can answer besides the deal.</summary>
    private static RouteHandlerBuilder WithChangeProblems(this RouteHandlerBuilder endpoint) => endpoint
        .RejectUnknownQuery()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
