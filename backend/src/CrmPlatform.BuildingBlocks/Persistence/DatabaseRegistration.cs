using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace CrmPlatform.BuildingBlocks.Persistence;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "Crm";

    /// <summary>
    /// Registers a module's context on its own schema, with its own migrations history table. Contexts
    /// are pooled and share one data source: building a context and its internal services per request
    /// cost more than the query it runs (ADR 0012).
    /// </summary>
    public static IServiceCollection AddModuleDatabase<TContext>(this IServiceCollection services, string schema)
        where TContext : DbContext
    {
        services.TryAddSingleton(provider => CreateDataSource(ConnectionString(provider.GetRequiredService<IConfiguration>())));
        services.TryAddSingleton<AuditInterceptor>();
        services.AddDbContextPool<TContext>((provider, options) =>
            Configure(options, provider.GetRequiredService<NpgsqlDataSource>(), schema).AddInterceptors(provider.GetRequiredService<AuditInterceptor>()));
        services.AddSingleton(new ModuleDatabase(schema, typeof(TContext)));
        return services;
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException($"Connection string '{ConnectionStringName}' is not configured (ConnectionStrings__{ConnectionStringName}).");

    /// <summary>
    /// The connection string's settings, plus automatic preparation of the statements a process runs
    /// over and over (unless the string sets its own): PostgreSQL then parses and plans a hot query
    /// once per connection instead of on every call.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxAutoPrepare = 64;
        }

        return NpgsqlDataSource.Create(settings);
    }

    /// <summary>Options for design-time tools (migrations), which need no live database.</summary>
    public static DbContextOptions<TContext> DesignTimeOptions<TContext>(string schema)
        where TContext : DbContext =>
        (DbContextOptions<TContext>)Configure(new DbContextOptionsBuilder<TContext>(), NpgsqlDataSource.Create("Host=localhost;Database=crm_design"), schema).Options;

    private static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource, string schema) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", schema))
            .UseSnakeCaseNamingConvention();
}
