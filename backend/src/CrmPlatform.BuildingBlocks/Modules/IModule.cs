using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.BuildingBlocks.Modules;

/// <summary>A module's only public door: the host registers its services and maps its endpoints.</summary>
public interface IModule
{
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <param name="api">The versioned <c>/api/v1</c> route group.</param>
    void MapEndpoints(IEndpointRouteBuilder api);
}
