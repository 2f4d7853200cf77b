using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Idempotency;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Identity.Domain;
using CrmPlatform.Identity.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Identity.Features;

public sealed record ApiTokenDto(
    Guid Id,
    string Name,
    ApiTokenScope Scope,
    string Hint,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);

/// <param name="Secret">The token itself; shown only in this response, never again.</param>
public sealed record CreatedApiTokenDto(ApiTokenDto Token, string Secret);

/// <param name="ExpiresInDays">1–365; 90 when omitted.</param>
public sealed record CreateApiTokenCommand(string Name, ApiTokenScope Scope, int? ExpiresInDays) : ICommand<Result<CreatedApiTokenDto>>;

internal sealed class CreateApiTokenValidator : AbstractValidator<CreateApiTokenCommand>
{
    public CreateApiTokenValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Scope).IsInEnum();
        RuleFor(c => c.ExpiresInDays).InclusiveBetween(1, 365);
    }
}

internal sealed class CreateApiTokenHandler(CrmIdentityDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateApiTokenCommand, Result<CreatedApiTokenDto>>
{
    public async ValueTask<Result<CreatedApiTokenDto>> Handle(CreateApiTokenCommand command, CancellationToken cancellationToken)
    {
        var (token, secret) = ApiToken.Issue(
            currentUser.Id, command.Name.Trim(), command.Scope, clock.GetDatabaseUtcNow(), TimeSpan.FromDays(command.ExpiresInDays ?? 90));
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiTokenDto(ApiTokens.ToDto(token), secret);
    }
}

public sealed record ListApiTokensQuery : IQuery<Result<IReadOnlyList<ApiTokenDto>>>;

internal sealed class ListApiTokensHandler(CrmIdentityDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListApiTokensQuery, Result<IReadOnlyList<ApiTokenDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ApiTokenDto>>> Handle(ListApiTokensQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id;
        var tokens = await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenDto(t.Id, t.Name, t.Scope, t.Hint, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
        return tokens;
    }
}

public sealed record RevokeApiTokenCommand(Guid Id) : ICommand<Result<Unit>>;

internal sealed class RevokeApiTokenHandler(CrmIdentityDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RevokeApiTokenCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(RevokeApiTokenCommand command, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == command.Id && t.UserId == currentUser.Id, cancellationToken);
        if (token is null)
        {
            return Error.NotFound("api_token", command.Id);
        }

        token.RevokedAt ??= clock.GetDatabaseUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// Personal API tokens of the signed-in user. Managed only from an interactive session, so a leaked
/// token cannot mint more tokens. Tokens are not editable, hence no ETag; revoking twice is harmless.
/// </summary>
internal static class ApiTokens
{
    public static ApiTokenDto ToDto(ApiToken t) => new(t.Id, t.Name, t.Scope, t.Hint, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);

    public static void Map(IEndpointRouteBuilder me)
    {
        var tokens = me.MapGroup("/tokens").RequireAuthorization(Authentication.AuthenticationSchemes.InteractivePolicy);

        tokens.MapPost("/", async (CreateApiTokenCommand command, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(command, cancellationToken)).ToHttp(created =>
                    TypedResults.Created($"/api/v1/me/tokens/{created.Token.Id}", created)))
            .WithName("ApiTokens_Create")
            .WithSummary("Create a personal API token (the secret is shown once)")
            .WithMetadata(new ExcludeFromIdempotencyAttribute())
            .ProducesValidationProblem();

        tokens.MapGet("/", async (IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new ListApiTokensQuery(), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("ApiTokens_List")
            .WithSummary("List my API tokens, newest first");

        tokens.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new RevokeApiTokenCommand(id), cancellationToken)).ToHttp(_ => TypedResults.NoContent()))
            .WithName("ApiTokens_Revoke")
            .WithSummary("Revoke one of my API tokens")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
