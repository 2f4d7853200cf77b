using System.ComponentModel.DataAnnotations;
using CrmPlatform.BuildingBlocks.Concurrency;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

/// <summary>The body of a contact's create and update (PUT replaces every field).</summary>
/// <param name="Likes">爱好: what they like.</param>
/// <param name="Notes">Weaknesses and anything else worth remembering.</param>
public sealed record ContactInput(
    [property: MaxLength(ContactLimits.Name)] string Name,
    ContactRole Role,
    [property: MaxLength(ContactLimits.Phone)] string? Phone = null,
    [property: MaxLength(ContactLimits.Text)] string? Likes = null,
    [property: MaxLength(ContactLimits.Text)] string? Notes = null,
    DateOnly? Birthday = null)
{
    internal ContactDetails Details => new(Name, Role, Phone, Likes, Notes, Birthday);
}

public sealed record ContactDto(
    Guid Id, Guid CustomerId, string Name, ContactRole Role, string? Phone, string? Likes, string? Notes, DateOnly? Birthday, uint Version);

internal sealed class ContactInputValidator : AbstractValidator<ContactInput>
{
    public static readonly ContactInputValidator Instance = new();

    public ContactInputValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(ContactLimits.Name);
        RuleFor(c => c.Role).IsInEnum();
        RuleFor(c => c.Phone).PhoneNumber(ContactLimits.Phone);
        RuleFor(c => c.Likes).MaximumLength(ContactLimits.Text);
        RuleFor(c => c.Notes).MaximumLength(ContactLimits.Text);
    }
}

public sealed record AddContactCommand(Guid CustomerId, ContactInput Contact) : ICommand<Result<ContactDto>>;

public sealed record UpdateContactCommand(Guid CustomerId, Guid ContactId, uint ExpectedVersion, ContactInput Contact) : ICommand<Result<ContactDto>>;

public sealed record RemoveContactCommand(Guid CustomerId, Guid ContactId, uint ExpectedVersion) : ICommand<Result<Unit>>;

public sealed record ListContactsQuery(Guid CustomerId) : IQuery<Result<IReadOnlyList<ContactDto>>>;

internal sealed class AddContactValidator : AbstractValidator<AddContactCommand>
{
    public AddContactValidator() => RuleFor(c => c.Contact).SetValidator(ContactInputValidator.Instance).AtBodyRoot();
}

internal sealed class UpdateContactValidator : AbstractValidator<UpdateContactCommand>
{
    public UpdateContactValidator() => RuleFor(c => c.Contact).SetValidator(ContactInputValidator.Instance).AtBodyRoot();
}

/// <summary>Contacts are reached through their customer (<see cref="CustomerAccess"/>).</summary>
internal sealed class ContactBook(CustomersDbContext db, CustomerAccess access)
{

    /// <summary>
    /// The contact to change: its customer visible (else 404) and held for the change, and the contact at the version
    /// the caller read (else 412).
    /// </summary>
    public async Task<Result<Contact>> LoadForChangeAsync(Guid customerId, Guid contactId, uint expectedVersion, CancellationToken cancellationToken)
    {
        var contact = await access.HoldForChangeAsync(customerId, cancellationToken)
            ? await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId && c.CustomerId == customerId, cancellationToken)
            : null;
        if (contact is null)
        {
            return Error.NotFound("contact", contactId);
        }

        return contact.Version == expectedVersion ? contact : Error.StaleVersion;
    }

    public static ContactDto ToDto(Contact c) => new(c.Id, c.CustomerId, c.Name, c.Role, c.Phone, c.Likes, c.Notes, c.Birthday, c.Version);
}

internal sealed class AddContactHandler(CustomersDbContext db, CustomerAccess access, TimeProvider clock) : ICommandHandler<AddContactCommand, Result<ContactDto>>
{
    public async ValueTask<Result<ContactDto>> Handle(AddContactCommand command, CancellationToken cancellationToken)
    {
        if (!await access.HoldForChangeAsync(command.CustomerId, cancellationToken))
        {
            return Error.NotFound("customer", command.CustomerId);
        }

        var contact = Contact.Add(command.CustomerId, command.Contact.Details, clock.GetDatabaseUtcNow());
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        await db.RefreshContactSearchAsync([command.CustomerId], cancellationToken);
        return ContactBook.ToDto(contact);
    }
}

internal sealed class UpdateContactHandler(CustomersDbContext db, ContactBook book, TimeProvider clock) : ICommandHandler<UpdateContactCommand, Result<ContactDto>>
{
    public async ValueTask<Result<ContactDto>> Handle(UpdateContactCommand command, CancellationToken cancellationToken)
    {
        var contact = await book.LoadForChangeAsync(command.CustomerId, command.ContactId, command.ExpectedVersion, cancellationToken);
        if (!contact.IsSuccess)
        {
            return contact.Error;
        }

        contact.Value.Describe(command.Contact.Details, clock.GetDatabaseUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await db.RefreshContactSearchAsync([command.CustomerId], cancellationToken);
        return ContactBook.ToDto(contact.Value);
    }
}

internal sealed class RemoveContactHandler(CustomersDbContext db, ContactBook book) : ICommandHandler<RemoveContactCommand, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(RemoveContactCommand command, CancellationToken cancellationToken)
    {
        var contact = await book.LoadForChangeAsync(command.CustomerId, command.ContactId, command.ExpectedVersion, cancellationToken);
        if (!contact.IsSuccess)
        {
            return contact.Error;
        }

        db.Contacts.Remove(contact.Value);
        await db.SaveChangesAsync(cancellationToken);
        await db.RefreshContactSearchAsync([command.CustomerId], cancellationToken);
        return Unit.Value;
    }
}

internal sealed class ListContactsHandler(CustomersDbContext db, CustomerAccess access) : IQueryHandler<ListContactsQuery, Result<IReadOnlyList<ContactDto>>>
{
    public async ValueTask<Result<IReadOnlyList<ContactDto>>> Handle(ListContactsQuery query, CancellationToken cancellationToken)
    {
        if (!await access.CanSeeAsync(query.CustomerId, cancellationToken))
        {
            return Error.NotFound("customer", query.CustomerId);
        }

        var contacts = await db.Contacts.AsNoTracking().Where(c => c.CustomerId == query.CustomerId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return contacts.Select(ContactBook.ToDto).ToList();
    }
}

internal static class ContactEndpoints
{
    public static void Map(IEndpointRouteBuilder customers)
    {
        customers.MapGet("/{id:guid}/contacts", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                (await mediator.Send(new ListContactsQuery(id), cancellationToken)).ToHttp(TypedResults.Ok))
            .WithName("Customers_ListContacts")
            .WithSummary("The customer's contacts, in the order they were added")
            .ProducesProblem(StatusCodes.Status404NotFound);

        customers.MapPost("/{id:guid}/contacts", async (Guid id, ContactInput body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken) =>
                (await mediator.Send(new AddContactCommand(id, body), cancellationToken)).ToHttp(contact =>
                {
                    response.SetETag(contact.Version);
                    return TypedResults.Created($"/api/v1/customers/{id}/contacts/{contact.Id}", contact);
                }))
            .WithName("Customers_AddContact")
            .WithSummary("Add a contact to the customer: the boss, purchasing, the store manager…")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        customers.MapPut("/{id:guid}/contacts/{contactId:guid}", (
                    Guid id,
                    Guid contactId,
                    ContactInput body,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken) =>
                response.ChangeAsync(ifMatch, expected => mediator.Send(new UpdateContactCommand(id, contactId, expected, body), cancellationToken), contact => contact.Version))
            .WithName("Customers_UpdateContact")
            .WithSummary("Replace a contact's fields; requires If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        customers.MapDelete("/{id:guid}/contacts/{contactId:guid}", (
                    Guid id,
                    Guid contactId,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    CancellationToken cancellationToken) =>
                ETags.ChangeWithoutBodyAsync(ifMatch, expected => mediator.Send(new RemoveContactCommand(id, contactId, expected), cancellationToken)))
            .WithName("Customers_RemoveContact")
            .WithSummary("Remove a contact; requires If-Match (the removal stays in the audit log)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }
}
