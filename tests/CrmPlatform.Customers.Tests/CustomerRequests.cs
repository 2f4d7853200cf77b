using System.Net.Http.Headers;
using System.Net.Http.Json;
using CrmPlatform.Customers.Domain;
using CrmPlatform.Customers.Features;

namespace CrmPlatform.Customers.Tests;

/// <summary>Request helpers for the customers API, so tests read as behaviour.</summary>
internal static class CustomerRequests
{
    public const string Url = "/api/v1/customers";

    public static object NewCustomer(string name, CustomerStage stage = CustomerStage.Prospect, Guid? ownerId = null, string? phone = null) =>
        new { name, kind = CustomerKind.Company, stage, ownerId, phone, company = name + " 有限公司", region = "上海", industry = "零售" };

    /// <param name="confirmDuplicate">For a test that creates the same customer again on purpose (otherwise 409, see DuplicatesTests).</param>
    public static async Task<CustomerDto> CreateAsync(
        this HttpClient client, string name, CustomerStage stage = CustomerStage.Prospect, string? phone = null, bool confirmDuplicate = false)
    {
        var response = await client.PostJsonAsync(confirmDuplicate ? $"{Url}?confirmDuplicate=true" : Url, NewCustomer(name, stage, phone: phone));
        return await response.ReadAsync<CustomerDto>(System.Net.HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, CustomerDto customer, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{Url}/{customer.Id}") { Content = JsonContent.Create(body, options: Json.Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>The customer as it is now (its version moves with its contacts' names and phones, ADR 0026).</summary>
    public static async Task<CustomerDto> ReadCustomerAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"{Url}/{id}")).ReadAsync<CustomerDto>();

    /// <summary>PUT (with <paramref name="body"/>) or DELETE one of a customer's contacts.</summary>
    public static Task<HttpResponseMessage> SendContactAsync(
        this HttpClient client, HttpMethod method, Guid customerId, ContactDto contact, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, $"{Url}/{customerId}/contacts/{contact.Id}");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ArchiveAsync(this HttpClient client, Guid id, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"{Url}/{id}");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>PUT /customers/settings with the settings' values (If-Match: <paramref name="version"/>, none when null).</summary>
    public static Task<HttpResponseMessage> PutSettingsAsync(this HttpClient client, CustomerSettingsDto settings, uint? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{Url}/settings")
        {
            Content = JsonContent.Create(new CustomerSettingsInput(settings.Cadence, settings.StaleAfterDays, settings.Pool, settings.ValueTiers, settings.Loyalty), options: Json.Options),
        };
        if (version is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        return client.SendAsync(request);
    }

    public static string ETagOf(CustomerDto customer) => new EntityTagHeaderValue($"\"{customer.Version}\"").ToString();
}
