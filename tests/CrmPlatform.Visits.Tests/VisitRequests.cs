using System.Net;
using CrmPlatform.Customers.Features;

namespace CrmPlatform.Visits.Tests;

/// <summary>Request helpers for the visits API, so tests read as behaviour.</summary>
internal static class VisitRequests
{
    public static async Task<CustomerDto> NewCustomerAsync(this HttpClient client, string name) =>
        await (await client.PostJsonAsync("/api/v1/customers?confirmDuplicate=true", new { name, kind = "company", stage = "intent", relationshipLevel = 1 }))
            .ReadAsync<CustomerDto>(HttpStatusCode.Created);

    /// <summary>A plan of one visit per customer, an hour each from 09:00.</summary>
    public static object Plan(DateOnly day, IEnumerable<CustomerDto> customers, string purpose = "takeOrder") => new
    {
        day,
        visits = customers.Select((c, i) => new { customerId = c.Id, from = $"{9 + i:00}:00", to = $"{10 + i:00}:00", purpose }).ToArray(),
    };
}
