using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

// Scaffolds an EF Core migration for one module, as `dotnet ef migrations add` would
// (dotnet-ef is not available from this project's package source).
// Usage: CrmPlatform.MigrationsTool add <module> <MigrationName> <backend/src directory>
if (args is not ["add", var module, var migrationName, var sourceRoot])
{
    Console.Error.WriteLine("usage: add <Platform|Identity|Customers|Deals|...> <MigrationName> <backend/src directory>");
    return 2;
}

var assemblyName = module == "Platform" ? "CrmPlatform.BuildingBlocks" : $"CrmPlatform.{module}";
var projectDirectory = module == "Platform"
    ? Path.Combine(sourceRoot, assemblyName)
    : Path.Combine(sourceRoot, "Modules", module, assemblyName);
var assembly = Assembly.Load(assemblyName);
var factoryType = assembly.GetTypes().Single(t => !t.IsAbstract && t.GetInterfaces().Any(i =>
    i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)));
var factory = Activator.CreateInstance(factoryType, nonPublic: true)!;
using var context = (DbContext)factoryType.GetMethod("CreateDbContext")!.Invoke(factory, [Array.Empty<string>()])!;

var services = new ServiceCollection()
    .AddEntityFrameworkDesignTimeServices()
    .AddDbContextDesignTimeServices(context);
#pragma warning disable EF1001 // The provider's design-time services are what dotnet-ef itself loads.
new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
using var provider = services.BuildServiceProvider();
var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(migrationName, assemblyName, "Persistence.Migrations", "C#");
var files = scaffolder.Save(projectDirectory, migration, Path.Combine(projectDirectory, "Persistence", "Migrations"));
Console.WriteLine($"{module}: {files.MigrationFile}");
return 0;
