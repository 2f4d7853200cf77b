using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.Complaints.Contracts;
using CrmPlatform.Complaints.Features;
using CrmPlatform.Complaints.Integration;
using CrmPlatform.Complaints.Jobs;
using CrmPlatform.Complaints.Persistence;
using CrmPlatform.Complaints.Seeding;
using CrmPlatform.Customers.Contracts.Following;
using CrmPlatform.Visits.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Complaints;

/// <summary>客户投诉制度: intake, the procedure with its promised time, owners and steps, and the SLA clock with its escalation; root causes and their Pareto; the standard answers (标准回答).</summary>
public sealed class ComplaintsModule : IModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<ComplaintsDbContext>(ComplaintsDbContext.SchemaName);
        services.AddScoped<ComplaintViews>();
        services.AddScoped<ComplaintOwners>();
        services.AddScoped<IComplaintCounts, ComplaintCounts>();
        services.AddScoped<IComplaintDirectory, VisitedComplaints>();
        services.AddIntegrationEventHandler<ComplaintVisited, VisitedComplaints>();
        services.AddScoped<SlaClock>();
        services.AddOptions<ComplaintsOptions>().BindConfiguration("Crm:Complaints:Sla")
            .Validate(
                o => new[] { o.KeyCustomer, o.GeneralCustomer }.All(h => h.Critical > 0 && h.Major > 0 && h.Minor > 0)
                    && o.WarnBeforeHours >= 0 && o.EscalateToDirectorAfterHours >= 0 && o.DayStart < o.DayEnd,
                "Crm:Complaints:Sla hours must be positive, and a business day must start before it ends.")
            .ValidateOnStart();
        services.AddScoped<IRecurringJob, ComplaintSlaWatch>();
        services.AddScoped<IDemoDataSeeder, ComplaintsDemoSeeder>();
        services.AddCustomerFollower<ComplaintsFollowCustomers>();
        services.AddValidatorsFromAssemblyContaining<ComplaintsModule>(ServiceLifetime.Singleton, includeInternalTypes: true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var complaints = api.MapGroup("/complaints").WithTags("Complaints");
        ComplaintCauseEndpoints.Map(complaints);
        StandardAnswerEndpoints.Map(complaints);
        ComplaintParetoEndpoint.Map(complaints);
        ReadComplaintEndpoints.Map(complaints);
        ReceiveComplaintEndpoint.Map(complaints);
        ComplaintWorkflowEndpoints.Map(complaints);
    }
}
