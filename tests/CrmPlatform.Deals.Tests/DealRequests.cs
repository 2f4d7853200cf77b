using System.Net;
using System.Net.Http.Json;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;
using CrmPlatform.Deals.Features;

namespace CrmPlatform.Deals.Tests;

/// <summary>Request helpers for the deals API, so tests read as behaviour.</summary>
internal static class DealRequests
{
    public const string Url = "/api/v1/deals";

    public static async Task<CustomerDto> NewCustomerAsync(this HttpClient client, string name, CustomerStage stage = CustomerStage.Intent, int relationshipLevel = 1) =>
        await (await client.PostJsonAsync("/api/v1/customers?confirmDuplicate=true", new { name, kind = "company", stage, relationshipLevel }))
            .ReadAsync<CustomerDto>(HttpStatusCode.Created);

    public static async Task<CustomerDto> ReadCustomerAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/customers/{id}")).ReadAsync<CustomerDto>();

    public static object Body(Guid customerId, string title, decimal? amount = null, object[]? lines = null, Guid? ownerId = null, DateOnly? expectedCloseOn = null, int? probability = null) =>
        new { customerId, title, amount, lines, ownerId, expectedCloseOn, probability };

    public static object Line(string product, decimal quantity, decimal unitPrice, decimal? discountPercent = null, decimal? unitCost = null) =>
        new { product, quantity, unitPrice, discountPercent, unitCost };

    public static async Task<DealDto> OpenDealAsync(this HttpClient client, Guid customerId, string title, decimal amount = 10_000m, DateOnly? expectedCloseOn = null) =>
        await (await client.PostJsonAsync(Url, Body(customerId, title, amount, expectedCloseOn: expectedCloseOn))).ReadAsync<DealDto>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient client, DealDto deal, string stage, uint? version = null) =>
        client.SendWithIfMatchAsync(HttpMethod.Put, $"{Url}/{deal.Id}/stage", new { stage }, version ?? deal.Version);

    public static Task<HttpResponseMessage> WinAsync(this HttpClient client, DealDto deal, DateOnly? wonOn = null) =>
        client.SendWithIfMatchAsync(HttpMethod.Post, $"{Url}/{deal.Id}/win", new { wonOn }, deal.Version);

    public static Task<HttpResponseMessage> LoseAsync(this HttpClient client, DealDto deal, string reason, string? note = null) =>
        client.SendWithIfMatchAsync(HttpMethod.Post, $"{Url}/{deal.Id}/lose", new { reason, note }, deal.Version);

    public static Task<HttpResponseMessage> PutDealAsync(this HttpClient client, DealDto deal, object body, uint? version) =>
        client.SendWithIfMatchAsync(HttpMethod.Put, $"{Url}/{deal.Id}", body, version);

    public static async Task<DealDto> GetDealAsync(this HttpClient client, Guid id) => await (await client.GetAsync($"{Url}/{id}")).ReadAsync<DealDto>();
}
