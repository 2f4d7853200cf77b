using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Customers.Contracts;
using CrmPlatform.Deals.Integration;
using CrmPlatform.Deals.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Deals;

/// <summary>成交 / 销售目标: pipeline, products, collections and targets. So far its schema and its copy of customers; features arrive with the module's issue.</summary>
public sealed class DealsModule : IModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<DealsDbContext>(DealsDbContext.SchemaName);
        services.AddIntegrationEventHandler<CustomerCreated, CustomerCopyUpdater>();
        services.AddIntegrationEventHandler<CustomerRenamed, CustomerCopyUpdater>();
        services.AddIntegrationEventHandler<CustomerOwnerChanged, CustomerCopyUpdater>();
        services.AddIntegrationEventHandler<CustomerArchived, CustomerCopyUpdater>();
        services.AddIntegrationEventHandler<CustomerMerged, CustomerCopyUpdater>();
        services.AddIntegrationEventHandler<CustomersImported, CustomerCopyUpdater>();
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        // No endpoints yet: the module's features land with its own issue.
    }
}
