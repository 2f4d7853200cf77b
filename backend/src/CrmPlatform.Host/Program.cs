using CrmPlatform.BuildingBlocks;
using CrmPlatform.BuildingBlocks.Localization;
using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Pipeline;
using CrmPlatform.Complaints;
using CrmPlatform.Customers;
using CrmPlatform.Deals;
using CrmPlatform.Host.OpenApi;
using CrmPlatform.Host.Security;
using CrmPlatform.Host.Spa;
using CrmPlatform.Identity;
using CrmPlatform.Referrals;
using CrmPlatform.Retention;
using CrmPlatform.Visits;
using Microsoft.AspNetCore.DataProtection;

var builder = WebApplication.CreateBuilder(args);
// Which server software answers is nobody's business.
builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);

IModule[] modules =
[
    new IdentityModule(),
    new CustomersModule(),
    new DealsModule(),
    new VisitsModule(),
    new ComplaintsModule(),
    new RetentionModule(),
    new ReferralsModule(),
];
var moduleAssemblies = modules.Select(m => m.GetType().Assembly).ToArray();

builder.Services.AddBuildingBlocks(builder.Configuration);
foreach (var module in modules)
{
    module.AddServices(builder.Services, builder.Configuration);
}

builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    // Read at compile time by the source generator, so listed literally: one entry per module.
    options.Assemblies =
    [
        typeof(IdentityModule), typeof(CustomersModule), typeof(DealsModule), typeof(VisitsModule),
        typeof(ComplaintsModule), typeof(RetentionModule), typeof(ReferralsModule),
    ];
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
});
builder.Services.AddAutoMapper(config => config.LicenseKey = builder.Configuration["AutoMapper:LicenseKey"], moduleAssemblies);
builder.Services.AddCrmOpenApi();
builder.Services.AddCrmSpa();

var dataProtection = builder.Services.AddDataProtection().SetApplicationName("CrmPlatform");
if (builder.Configuration["CRM_KEYS_DIR"] is { Length: > 0 } keysDirectory)
{
    // Login tokens and cookies must survive a restart of `./crm run`.
    dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysDirectory));
}

var app = builder.Build();

app.UseCrmSecurityHeaders();
// Outermost after the headers, so every answer written further out (error handler, status-code pages) is in the request's language too.
app.UseCrmRequestLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBuildingBlocksBeforeEndpoints();
app.UseCrmSpa();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseBuildingBlocksAfterAuthorization();
app.UseCrmOpenApi();

var v1 = app.NewVersionedApi("Crm").MapGroup("/api/v{version:apiVersion}").HasApiVersion(1.0)
    .RequireAuthorization()
    .ProducesProblem(StatusCodes.Status401Unauthorized)
    .ProducesProblem(StatusCodes.Status403Forbidden)
    .ProducesProblem(StatusCodes.Status429TooManyRequests);
foreach (var module in modules)
{
    module.MapEndpoints(v1);
}

app.MapHealthEndpoints();

if (app.Configuration.GetValue("Crm:MigrateOnStart", true))
{
    await app.Services.InitializeDatabasesAsync();
}

await app.RunAsync();

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
