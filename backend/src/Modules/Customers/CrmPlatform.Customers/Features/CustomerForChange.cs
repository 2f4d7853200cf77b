using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Customers.Features;

internal static class CustomerForChange
{
    /// <summary>
    /// The customer a command may change: visible to the caller (else 404) and still at the version
    /// the caller last read (else 412). A writer racing us after this check is caught by the xmin
    /// concurrency token on save.
    /// </summary>
    public static async Task<Result<Customer>> LoadForChangeAsync(
        this CustomersDbContext db, Guid id, uint expectedVersion, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.VisibleTo(currentUser).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return Error.NotFound("customer", id);
        }

        return customer.Version == expectedVersion ? customer : Error.StaleVersion;
    }
}
