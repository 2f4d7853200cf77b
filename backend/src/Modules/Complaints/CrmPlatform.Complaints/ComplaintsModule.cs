using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Complaints.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Complaints;

/// <summary>客户投诉: intake, promised times, SLA, resolution and root causes. Registered with its own schema; features arrive with the module's issue.</summary>
public sealed class ComplaintsModule : IModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDatabase<ComplaintsDbContext>(ComplaintsDbContext.SchemaName);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        // No endpoints yet: the module's features land with its own issue.
    }
}
