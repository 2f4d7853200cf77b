using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Referrals.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Referrals;

/// <summary>转介绍: who referred whom, conversion and thanks. Registered with its own schema; features arrive with the module's issue.</summary>
public sealed class ReferralsModule : IModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDatabase<ReferralsDbContext>(ReferralsDbContext.SchemaName);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        // No endpoints yet: the module's features land with its own issue.
    }
}
