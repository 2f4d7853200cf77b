using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Customers.Contracts.Following;
using CrmPlatform.Deals.Contracts;
using CrmPlatform.Deals.Features;
using CrmPlatform.Deals.Integration;
using CrmPlatform.Deals.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Deals;

/// <summary>成交 / 销售目标: the pipeline and its board, products and the deals that sell them, collections, sales targets with their decomposition and progress, the activity funnel, and the objection-handling library.</summary>
public sealed class DealsModule : IModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<DealsDbContext>(DealsDbContext.SchemaName);
        services.AddScoped<DealViews>();
        services.AddScoped<DealTerms>();
        services.AddScoped<Collections>();
        services.AddScoped<TargetAccess>();
        services.AddScoped<TargetActuals>();
        services.AddScoped<TargetReader>();
        services.AddScoped<ISalesResults, SalesResults>();
        services.AddScoped<IDealDirectory, DealDirectory>();
        services.AddScoped<ObjectionLibrary>();
        services.AddCustomerFollower<DealsFollowCustomers>();
        services.AddValidatorsFromAssemblyContaining<DealsModule>(ServiceLifetime.Singleton, includeInternalTypes: true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var deals = api.MapGroup("/deals").WithTags("Deals");
        StageEndpoints.Map(deals);
        DealBoardEndpoint.Map(deals);
        FocusEndpoints.Map(deals);
        FunnelEndpoint.Map(deals);
        ListDealsEndpoint.Map(deals);
        CreateDealEndpoint.Map(deals);
        GetDealEndpoints.Map(deals);
        UpdateDealEndpoint.Map(deals);
        DealPipelineEndpoints.Map(deals);
        ProductEndpoints.Map(api);
        CollectionEndpoints.Map(api);
        TargetEndpoints.Map(api);
        ObjectionEndpoints.Map(api);
    }
}
