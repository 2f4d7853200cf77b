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

    /// <summary>Server settings every connection gets, unless its connection string's <c>Options</c> name them.</summary>
    private static readonly (string Name, string Value)[] SessionSettings =
    [
        // PostgreSQL compiles a query when its estimated cost is high, which a large row estimate makes it: 40 ms and more
        // of compiling for a query of a few milliseconds (an import batch's thousand key probes were 72 ms, 8 without). ADR 0024.
        ("jit", "off"),

        // A CRM's working set is in memory or on SSD, where a page read out of order costs about what the next one does.
        // With the default (4, for spinning disks) the planner walked a manager's team in id order, filtering 38,000 rows
        // (45 ms), rather than read the 1,300 that match from the search index (14 ms). ADR 0027.
        ("random_page_cost", "1.1"),
    ];

    /// <summary>
    /// The connection string's settings, plus those a process of short queries needs (unless the string sets its own):
    /// automatic preparation of the statements it runs over and over, so PostgreSQL parses and plans a hot query
    /// once per connection instead of on every call; and <see cref="SessionSettings"/>.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxAutoPrepare = 64;
        }

        foreach (var (name, value) in SessionSettings)
        {
            // "name=", so that a string setting jit_above_cost still gets jit=off.
            if (settings.Options?.Contains($"{name}=", StringComparison.OrdinalIgnoreCase) != true)
            {
                settings.Options = $"{settings.Options} -c {name}={value}".Trim();
            }
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
