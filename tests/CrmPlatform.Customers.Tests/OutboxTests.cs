using System.Collections.Concurrent;
using System.Net;
using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Features;
using CrmPlatform.Customers.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrmPlatform.Customers.Tests.CustomerRequests;

namespace CrmPlatform.Customers.Tests;

/// <summary>A subscriber that records deliveries and can be told to fail the first attempt.</summary>
public sealed class RecordingHandler : IIntegrationEventHandler<CustomerCreated>
{
    public static readonly ConcurrentDictionary<Guid, int> Deliveries = new();
    public static readonly ConcurrentDictionary<string, bool> FailOnceFor = new();

    public Task HandleAsync(CustomerCreated integrationEvent, CancellationToken cancellationToken)
    {
        Deliveries.AddOrUpdate(integrationEvent.CustomerId, 1, (_, n) => n + 1);
        if (FailOnceFor.TryRemove(integrationEvent.Name, out _))
        {
            throw new InvalidOperationException("Subscriber is down for this one delivery.");
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Fails one customer's creation after its handler saved the row and the event, as a later step of a
/// handler could. Registered after the application's behaviors, so it runs inside the unit of work.
/// </summary>
public sealed class FailAfterSaving : IPipelineBehavior<CreateCustomerCommand, Result<CustomerDto>>
{
    public const string CustomerName = "事件测试 回滚";

    public async ValueTask<Result<CustomerDto>> Handle(
        CreateCustomerCommand message, MessageHandlerDelegate<CreateCustomerCommand, Result<CustomerDto>> next, CancellationToken cancellationToken)
    {
        var result = await next(message, cancellationToken);
        return message.Customer.Name == CustomerName ? Error.Conflict("test.failure", "Failed after saving.") : result;
    }
}

public sealed class OutboxApp : CrmApp
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddIntegrationEventHandler<CustomerCreated, RecordingHandler>();
        services.AddScoped<IPipelineBehavior<CreateCustomerCommand, Result<CustomerDto>>, FailAfterSaving>();
    }
}

public sealed class OutboxTests(OutboxApp app) : IClassFixture<OutboxApp>
{
    [Fact]
    public async Task An_event_written_by_a_committed_command_is_delivered_after_commit()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var customer = await rep.CreateAsync("事件测试 已提交");

        await Eventually.HoldsAsync(async () => (await OutboxRowAsync(customer.Id)).ProcessedAt is not null, "the outbox dispatcher should have delivered by now");
        RecordingHandler.Deliveries[customer.Id].Should().Be(1);
    }

    [Fact]
    public async Task A_command_that_fails_after_writing_its_event_leaves_neither_its_row_nor_its_event()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);

        var response = await rep.PostJsonAsync(Url, NewCustomer(FailAfterSaving.CustomerName));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict, "the command failed after its handler had saved");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        (await db.Customers.IgnoreQueryFilters().AnyAsync(c => c.Name == FailAfterSaving.CustomerName))
            .Should().BeFalse("the unit of work rolls back the command's transaction");
        var created = await db.OutboxMessages.AsNoTracking().Where(m => m.Type.Contains(nameof(CustomerCreated))).ToListAsync();
        created.Select(m => ((CustomerCreated)m.ToEvent()).Name).Should().NotContain(FailAfterSaving.CustomerName, "the outbox row was written inside the rolled-back transaction");
        (await db.AuditEntries.AsNoTracking().Where(e => e.Action == CrmPlatform.BuildingBlocks.Auditing.AuditAction.Created).ToListAsync())
            .Should().NotContain(e => e.Changes.Any(c => c.New == FailAfterSaving.CustomerName), "the audit entry was written inside the rolled-back transaction");
    }

    [Fact]
    public async Task A_rejected_command_writes_no_event()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        var before = await db.OutboxMessages.CountAsync();

        (await rep.PostJsonAsync(Url, NewCustomer("事件测试 越权", ownerId: Guid.NewGuid()))).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        (await db.OutboxMessages.CountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_until_it_succeeds()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        RecordingHandler.FailOnceFor["事件测试 重试"] = true;

        var customer = await rep.CreateAsync("事件测试 重试");

        await Eventually.HoldsAsync(async () => (await OutboxRowAsync(customer.Id)).ProcessedAt is not null, "the outbox dispatcher should have delivered by now");
        var row = await OutboxRowAsync(customer.Id);
        row.Attempts.Should().Be(1);
        row.LastError.Should().Contain("Subscriber is down");
        RecordingHandler.Deliveries[customer.Id].Should().Be(2, "delivery is at least once: the failed attempt counts too");
    }

    [Fact]
    public async Task A_consumer_claims_each_event_once()
    {
        var customerCreated = new CustomerCreated(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.NewGuid(), "x", Guid.NewGuid(), null);
        async Task<bool> ClaimAsync()
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
            var claimed = await db.TryClaimAsync(customerCreated, "tests.consumer", DateTimeOffset.UtcNow, CancellationToken.None);
            await db.SaveChangesAsync();
            return claimed;
        }

        (await ClaimAsync()).Should().BeTrue();
        (await ClaimAsync()).Should().BeFalse("a redelivered event must be recognised and skipped");
    }

    private async Task<OutboxMessage> OutboxRowAsync(Guid customerId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Type.Contains(nameof(CustomerCreated))).ToListAsync();
        return rows.Single(m => ((CustomerCreated)m.ToEvent()).CustomerId == customerId);
    }
}
