using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Visits.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Visits;

/// <summary>拜访 / 销售过程管理: visit plans with sign-off, visit records and reports. Registered with its own schema; features arrive with the module's issue.</summary>
public sealed class VisitsModule : IModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDatabase<VisitsDbContext>(VisitsDbContext.SchemaName);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        // No endpoints yet: the module's features land with its own issue.
    }
}
