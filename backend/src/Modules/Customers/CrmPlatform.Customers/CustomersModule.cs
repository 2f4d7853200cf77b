using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Customers.Features;
using CrmPlatform.Customers.Features.Exchange;
using CrmPlatform.Customers.Integration;
using CrmPlatform.Customers.Jobs;
using CrmPlatform.Customers.Persistence;
using CrmPlatform.Customers.Seeding;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Customers;

/// <summary>客户档案: customer records, classification and ownership.</summary>
public sealed class CustomersModule : IModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<CustomersDbContext>(CustomersDbContext.SchemaName);
        services.AddScoped<OwnerAssignment>();
        services.AddScoped<OwnershipMoves>();
        services.AddScoped<CustomerViews>();
        services.AddSingleton<SettingsCache>();
        services.AddMemoryCache();
        services.AddScoped<ICustomerDirectory, CustomerDirectory>();
        services.AddScoped<ICustomerActivity, ActivityCounter>();
        services.AddScoped<ICustomerCadence, CadenceDirectory>();
        services.AddScoped<IPurchaseTrends, PurchaseTrends>();
        services.AddScoped<InteractionLog>();
        services.AddScoped<CustomerAccess>();
        services.AddScoped<ContactBook>();
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<CustomerFilters>();
        services.AddIntegrationEventHandler<RecordInteraction, InteractionRecorder>();
        services.AddIntegrationEventHandler<RecordPurchase, PurchaseRecorder>();
        services.AddScoped<ValueRating>();
        services.AddSingleton<CustomerById>();
        services.AddScoped<IDemoDataSeeder, CustomersDemoSeeder>();
        services.AddScoped<IDailyJob, KeyDateGreetings>();
        services.AddScoped<IDailyJob, PoolSweep>();
        services.AddScoped<IDailyJob, ValueTierJob>();
        services.AddScoped<PoolReturns>();
        services.AddScoped<CustomerImporter>();
        services.AddSingleton<WakeSignal<ImportRunner>>();
        services.AddHostedService<ImportRunner>();
        // Validators hold no state, and building one (its rules, its regexes) per request is measurable work.
        services.AddValidatorsFromAssemblyContaining<CustomersModule>(ServiceLifetime.Singleton, includeInternalTypes: true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");
        CreateCustomerEndpoint.Map(customers);
        GetCustomerEndpoint.Map(customers);
        ListCustomersEndpoint.Map(customers);
        UpdateCustomerEndpoint.Map(customers);
        ArchiveCustomerEndpoint.Map(customers);
        CustomerHistoryEndpoint.Map(customers);
        TimelineEndpoints.Map(customers);
        ContactEndpoints.Map(customers);
        KeyDates.Map(customers);
        CadenceEndpoints.Map(customers);
        SettingsEndpoints.Map(customers);
        OwnershipEndpoints.Map(customers);
        PoolEndpoints.Map(customers);
        DuplicatesEndpoint.Map(customers);
        MergeCustomersEndpoint.Map(customers);
        ExportCustomersEndpoint.Map(customers);
        ImportCustomersEndpoints.Map(customers);
        ValueTierEndpoints.Map(customers);
        SavedFilterEndpoints.Map(customers);
        FestivalEndpoints.Map(customers);
        PurchaseEndpoints.Map(customers);
    }
}
