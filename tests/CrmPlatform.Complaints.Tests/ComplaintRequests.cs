using System.Net;
using CrmPlatform.Complaints.Features;
using CrmPlatform.Customers.Features;

namespace CrmPlatform.Complaints.Tests;

/// <summary>Request helpers for the complaints API, so tests read as behaviour.</summary>
internal static class ComplaintRequests
{
    public static async Task<CustomerDto> NewCustomerAsync(this HttpClient client, string name, string importance = "general") =>
        await (await client.PostJsonAsync("/api/v1/customers?confirmDuplicate=true", new { name, kind = "company", stage = "customer", importance, relationshipLevel = 2 }))
            .ReadAsync<CustomerDto>(HttpStatusCode.Created);

    public static object Intake(Guid customerId, string severity = "major", string title = "包装破损", DateTimeOffset? receivedAt = null, Guid? ownerId = null) =>
        new { customerId, channel = "phone", severity, title, description = "客户来电：到货三箱外包装破损，内瓶有渗漏", product = "500ml 系列", contactName = "王经理", receivedAt, ownerId };

    public static async Task<ComplaintDto> ReceiveAsync(this HttpClient client, object intake) =>
        await (await client.PostJsonAsync("/api/v1/complaints", intake)).ReadAsync<ComplaintDto>(HttpStatusCode.Created);

    /// <summary>POST /complaints/{id}/{step} at the complaint's version.</summary>
    public static Task<HttpResponseMessage> StepAsync(this HttpClient client, ComplaintDto complaint, string step, object? body = null) =>
        client.SendWithIfMatchAsync(HttpMethod.Post, $"/api/v1/complaints/{complaint.Id}/{step}", body, complaint.Version);

    public static async Task<ComplaintDto> StepOkAsync(this HttpClient client, ComplaintDto complaint, string step, object? body = null) =>
        await (await client.StepAsync(complaint, step, body)).ReadAsync<ComplaintDto>();
}
