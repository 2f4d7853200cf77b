using CrmPlatform.Complaints.Persistence;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Contracts.Following;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Complaints.Integration;

/// <summary>A customer's complaints follow it: who may see them moves with its owner and team, and a merged-away customer's complaints are the survivor's.</summary>
internal sealed class ComplaintsFollowCustomers(ComplaintsDbContext db, ICustomerDirectory customers, TimeProvider clock)
    : CustomerFollower<ComplaintsDbContext>(db, customers, clock)
{
    protected override string Consumer => "complaints.customer-copies";

    protected override async Task FollowAsync(CustomerCopy copy, Func<Task<CustomerCopy>>? survivor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var complaints = await Db.Complaints.Where(c => c.CustomerId == copy.CustomerId).ToListAsync(cancellationToken);
        var (scope, name) = survivor is not null && complaints.Count > 0 ? await SurvivorAsync(survivor) : (copy.Scope, copy.Name);
        complaints.ForEach(complaint => complaint.FollowCustomer(scope, name, now));
    }

    private static async Task<(CustomerScope, string)> SurvivorAsync(Func<Task<CustomerCopy>> survivor)
    {
        var copy = await survivor();
        return (copy.Scope, copy.Name);
    }
}
