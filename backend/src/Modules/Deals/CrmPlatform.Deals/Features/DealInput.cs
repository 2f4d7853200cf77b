using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Contracts.Following;
using CrmPlatform.Deals.Domain;
using CrmPlatform.Deals.Persistence;
using CrmPlatform.Identity.Contracts;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Deals.Features;

/// <summary>One line of a deal as a client writes it.</summary>
/// <param name="ProductId">A catalogue product: its name, spec, unit and category are the catalogue's, and its list price and cost are the defaults.</param>
/// <param name="Product">The product's name when it is not from the catalogue (required then).</param>
/// <param name="Quantity">More than 0, up to three decimals.</param>
/// <param name="UnitPrice">Yuan, to the fen; the catalogue's list price when omitted for a catalogue product.</param>
/// <param name="DiscountPercent">0 to 100, up to two decimals; 0 when omitted.</param>
/// <param name="UnitCost">What one unit costs us; the catalogue's cost when omitted for a catalogue product.</param>
public sealed record DealLineInput(
    Guid? ProductId,
    [property: MaxLength(ProductLimits.Name)] string? Product,
    [property: MaxLength(ProductLimits.Spec)] string? Spec,
    [property: MaxLength(ProductLimits.Unit)] string? Unit,
    decimal Quantity,
    decimal? UnitPrice,
    decimal? DiscountPercent,
    decimal? UnitCost);

/// <summary>The body of a new deal, and of a deal's new terms (PUT semantics).</summary>
/// <param name="CustomerId">The customer the deal is about (a customer you can see); it cannot change later.</param>
/// <param name="Amount">Yuan, to the fen, for a deal without lines; with lines the amount is their total (give it, or leave it out).</param>
/// <param name="Currency">CNY, the only currency kept (ADR 0029); CNY when omitted.</param>
/// <param name="ExpectedCloseOn">The day it is expected to close (Asia/Shanghai).</param>
/// <param name="Probability">Percent, 0 to 100: the rep's own estimate; omitted: the stage's.</param>
/// <param name="NextStepDue">The day the next step is due (Asia/Shanghai); kept only with a next step.</param>
/// <param name="OwnerId">The rep who works it; the customer's owner when omitted on creation, unchanged when omitted on an update.</param>
/// <param name="Lines">What is sold, at most 100 lines; none: the amount is entered.</param>
public sealed record DealInput(
    Guid CustomerId,
    [property: MaxLength(DealLimits.Title)] string Title,
    decimal? Amount,
    string? Currency,
    DateOnly? ExpectedCloseOn,
    int? Probability,
    [property: MaxLength(DealLimits.NextStep)] string? NextStep,
    DateOnly? NextStepDue,
    Guid? OwnerId,
    IReadOnlyList<DealLineInput>? Lines)
{
    internal DealDetails Details => new(Title, Amount, ExpectedCloseOn, Probability, NextStep, NextStepDue);
}

internal sealed class DealInputValidator : AbstractValidator<DealInput>
{
    public DealInputValidator()
    {
        RuleFor(d => d.CustomerId).NotEmpty();
        RuleFor(d => d.Title).NotEmpty().MaximumLength(DealLimits.Title);
        RuleFor(d => d.Amount).MoneyAmount();
        RuleFor(d => d.Currency).Equal(Money.Currency).When(d => d.Currency is not null)
            .WithMessage($"Deals are kept in {Money.Currency} only.");
        RuleFor(d => d.Probability).InclusiveBetween(0, 100);
        RuleFor(d => d.NextStep).MaximumLength(DealLimits.NextStep);
        RuleFor(d => d.Lines).Must(lines => lines is null || lines.Count <= DealLimits.MaxLines)
            .WithMessage($"A deal has at most {DealLimits.MaxLines} lines.");
        RuleForEach(d => d.Lines).NotNull().ChildRules(line =>
        {
            line.RuleFor(l => l.Product).NotEmpty().When(l => l.ProductId is null).WithMessage("Name the product, or pick one from the catalogue (productId).");
            line.RuleFor(l => l.Product).MaximumLength(ProductLimits.Name);
            line.RuleFor(l => l.Spec).MaximumLength(ProductLimits.Spec);
            line.RuleFor(l => l.Unit).MaximumLength(ProductLimits.Unit);
            line.RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(DealLimits.MaxQuantity).PrecisionScale(12, 3, ignoreTrailingZeros: true);
            line.RuleFor(l => l.UnitPrice).NotNull().When(l => l.ProductId is null).WithMessage("A product not from the catalogue needs its unit price.");
            line.RuleFor(l => l.UnitPrice).MoneyAmount();
            line.RuleFor(l => l.DiscountPercent).InclusiveBetween(0, 100).PrecisionScale(5, 2, ignoreTrailingZeros: true);
            line.RuleFor(l => l.UnitCost).MoneyAmount();
        });
    }
}

internal static class MoneyRules
{
    /// <summary>Yuan: 0 or more, to the fen, within numeric(14,2).</summary>
    public static IRuleBuilderOptions<T, decimal?> MoneyAmount<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.InclusiveBetween(0, Money.MaxAmount).PrecisionScale(14, 2, ignoreTrailingZeros: true);

    public static IRuleBuilderOptions<T, decimal> MoneyAmount<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.InclusiveBetween(0, Money.MaxAmount).PrecisionScale(14, 2, ignoreTrailingZeros: true);
}

/// <summary>
/// Turns a deal's body into what the domain takes, with the rules that need the database: catalogue products (their
/// names, default price and cost), the owner (who exists and is within the caller's reach), and totals that fit.
/// </summary>
internal sealed class DealTerms(DealsDbContext db, IUserDirectory users, ICurrentUser currentUser)
{
    public async Task<Result<IReadOnlyList<LineDetails>>> LinesAsync(DealInput input, CancellationToken cancellationToken)
    {
        var inputs = input.Lines ?? [];
        Guid[] productIds = [.. inputs.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct()];
        var products = productIds.Length == 0
            ? []
            : await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var lines = new List<LineDetails>(inputs.Count);
        for (var index = 0; index < inputs.Count; index++)
        {
            var line = inputs[index];
            if (line.ProductId is not { } productId)
            {
                lines.Add(new LineDetails(null, line.Product!, line.Spec, line.Unit, null, line.Quantity, line.UnitPrice!.Value, line.DiscountPercent ?? 0, line.UnitCost));
            }
            else if (products.TryGetValue(productId, out var product))
            {
                lines.Add(new LineDetails(
                    product.Id, product.Name, product.Spec, product.Unit, product.Category, line.Quantity, line.UnitPrice ?? product.ListPrice,
                    line.DiscountPercent ?? 0, line.UnitCost ?? product.Cost));
            }
            else
            {
                return Error.Unprocessable("deal.product_unknown", $"lines[{index}].productId", $"No product '{productId}' is in the catalogue.");
            }
        }

        return lines;
    }

    /// <summary>The amount the lines come to must fit, and agree with an amount given beside them.</summary>
    public static Error? CheckAmount(DealInput input, Deal deal) =>
        deal.Amount > Money.MaxAmount || deal.Cost > Money.MaxAmount || deal.Lines.Any(l => l.Amount > Money.MaxAmount || l.Cost > Money.MaxAmount)
            ? Error.Validation("lines", string.Create(CultureInfo.InvariantCulture, $"The lines come to more than {Money.MaxAmount:N2}."))
        : deal.Lines.Count > 0 && input.Amount is { } amount && amount != deal.Amount
            ? Error.Validation("amount", string.Create(CultureInfo.InvariantCulture, $"With lines, the amount is their total ({deal.Amount:0.00}): leave it out or give that."))
        : null;

    /// <summary>
    /// The owner the caller asks for (else the customer's owner): a user who exists, whom the caller may give deals to,
    /// and who can see the customer (a rep its owner, a manager its team), so the deal's owner can open it.
    /// </summary>
    public async Task<Result<(Guid Id, Guid? TeamId)>> OwnerAsync(Guid? requested, CustomerScope customer, CancellationToken cancellationToken)
    {
        if (requested is null || requested == customer.OwnerId)
        {
            return (customer.OwnerId, customer.TeamId);
        }

        var owner = await users.FindAsync(requested.Value, cancellationToken);
        if (owner is null)
        {
            return Error.Unprocessable("deal.owner_unknown", "ownerId", $"No user '{requested}' exists.");
        }

        if (!currentUser.CanAssignTo(owner.Id, owner.TeamId))
        {
            return Error.Unprocessable("deal.owner_out_of_scope", "ownerId", "You may not give deals to this user (outside your team or role).");
        }

        var seesCustomer = owner.Role switch
        {
            Roles.Rep => false,
            Roles.Manager => owner.TeamId is not null && owner.TeamId == customer.TeamId,
            _ => true,
        };
        return seesCustomer
            ? (owner.Id, owner.TeamId)
            : Error.Unprocessable("deal.owner_cannot_see_customer", "ownerId", "This user cannot see the deal's customer: a rep owns the deals of their own customers.");
    }
}
