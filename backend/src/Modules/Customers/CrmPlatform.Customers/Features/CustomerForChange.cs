using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using CrmPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

internal static class CustomerForChange
{
    /// <summary>Compiled, as a get by id is: every update and archive starts with this read (ADR 0012).</summary>
    private static readonly CompiledScopedQuery<CustomersDbContext, Customer, Guid, Customer> Visible =
        CompiledScopedQuery.ForRecord<CustomersDbContext, Customer, Guid>(db => db.Customers.Include(c => c.Activity).Include(c => c.Rating), (customers, id) => customers.Where(c => c.Id == id));

    /// <summary>
    /// The customer a command may change: visible to the caller (else 404) and still at the version
    /// the caller last read (else 412). A writer racing us after this check is caught by the xmin
    /// concurrency token on save.
    /// </summary>
    public static async Task<Result<Customer>> LoadForChangeAsync(
        this CustomersDbContext db, Guid id, uint expectedVersion, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var customer = await Visible.ExecuteAsync(db, currentUser, id, cancellationToken);
        if (customer is null)
        {
            return Error.NotFound("customer", id);
        }

        return customer.Version == expectedVersion ? customer : Error.StaleVersion;
    }
}
