using System.Net;
using System.Net.Http.Json;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.Customers.Features;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Platform.Tests.BuildingBlocks;

/// <summary>Makes the first create of a customer named "故障" crash, as a bug or an outage would.</summary>
public sealed class CrashOnce : IPipelineBehavior<CreateCustomerCommand, Result<CustomerDto>>
{
    private static int _crashes;

    public ValueTask<Result<CustomerDto>> Handle(CreateCustomerCommand message, MessageHandlerDelegate<CreateCustomerCommand, Result<CustomerDto>> next, CancellationToken cancellationToken) =>
        message.Customer.Name == "故障" && Interlocked.Increment(ref _crashes) == 1
            ? throw new InvalidOperationException("Simulated crash.")
            : next(message, cancellationToken);
}

public sealed class CrashingApp : CrmApp
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<IPipelineBehavior<CreateCustomerCommand, Result<CustomerDto>>, CrashOnce>();
}

public sealed class FailureTests(CrashingApp app) : IClassFixture<CrashingApp>
{
    [Fact]
    public async Task A_crash_is_a_500_problem_and_frees_the_idempotency_key_for_the_retry()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var key = Guid.NewGuid().ToString();

        var crashed = await PostAsync(rep, key);
        var retried = await PostAsync(rep, key);

        (await crashed.ShouldBeProblemAsync(HttpStatusCode.InternalServerError)).GetProperty("code").GetString().Should().Be("server_error");
        (await crashed.Content.ReadAsStringAsync()).Should().NotContain("Simulated crash", "internals never leak to clients");
        (await retried.ReadAsync<CustomerDto>(HttpStatusCode.Created)).Name.Should().Be("故障");
        retried.Headers.Contains("Idempotent-Replayed").Should().BeFalse("the crashed attempt was not stored, so the retry ran");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = JsonContent.Create(new { name = "故障", kind = "company" }) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
