using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Outbox;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Scheduling;
using CrmPlatform.Complaints.Contracts;
using CrmPlatform.Visits.Contracts;
using CrmPlatform.Visits.Features;
using CrmPlatform.Visits.Integration;
using CrmPlatform.Visits.Jobs;
using CrmPlatform.Visits.Persistence;
using CrmPlatform.Visits.Seeding;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Visits;

/// <summary>拜访 / 销售过程管理: the reps' daily visit plans and their sign-off, the visits as they happened, the daily, market and weekly reports, and the director's month.</summary>
public sealed class VisitsModule : IModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<VisitsDbContext>(VisitsDbContext.SchemaName);
        services.AddScoped<PlanAccess>();
        services.AddScoped<PlanVisits>();
        services.AddScoped<PlanReader>();
        services.AddScoped<Confirmations>();
        services.AddScoped<ReportDay>();
        services.AddScoped<ReportReader>();
        services.AddScoped<MarketReportReader>();
        services.AddScoped<RepActivity>();
        services.AddScoped<WeeklyAccess>();
        services.AddScoped<WeeklyCompiler>();
        services.AddScoped<WeeklyReader>();
        services.AddScoped<IDailyJob, WeeklyCompile>();
        services.AddOptions<VisitsOptions>().BindConfiguration("Crm:Visits");
        services.AddScoped<IDailyJob, ConfirmTomorrow>();
        services.AddScoped<IDemoDataSeeder, VisitsDemoSeeder>();
        services.AddScoped<IMarketReportDirectory, MarketReportComplaints>();
        services.AddIntegrationEventHandler<ComplaintReceived, MarketReportComplaints>();
        services.AddValidatorsFromAssemblyContaining<VisitsModule>(ServiceLifetime.Singleton, includeInternalTypes: true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        PlanEndpoints.Map(api);
        VisitEndpoints.Map(api);
        ConfirmationEndpoints.Map(api);
        ReportEndpoints.Map(api);
        MarketReportEndpoints.Map(api);
        WeeklyEndpoints.Map(api);
        MonthlyEndpoints.Map(api);
    }
}
