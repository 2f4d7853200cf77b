using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Retention.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Retention;

/// <summary>老客户维护 / 跳槽分析: churn, partial defectors, evaluations and maintenance plans. Registered with its own schema; features arrive with the module's issue.</summary>
public sealed class RetentionModule : IModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDatabase<RetentionDbContext>(RetentionDbContext.SchemaName);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        // No endpoints yet: the module's features land with its own issue.
    }
}
