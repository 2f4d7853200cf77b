using System.Reflection;
using CrmPlatform.BuildingBlocks.Persistence;

namespace CrmPlatform.BuildingBlocks.Modules;

/// <summary>One module's database: its schema and the context type that owns it.</summary>
public sealed record ModuleDatabase(string Schema, Type DbContextType)
{
    public Assembly Assembly => DbContextType.Assembly;

    public bool HasOutbox => typeof(ModuleDbContext).IsAssignableFrom(DbContextType);
}

/// <summary>Knows which module database a message belongs to, by the assembly that declares the handler's message.</summary>
public sealed class ModuleCatalog(IEnumerable<ModuleDatabase> databases)
{
    private readonly Dictionary<Assembly, ModuleDatabase> _byAssembly = databases.ToDictionary(d => d.Assembly);

    public IReadOnlyCollection<ModuleDatabase> Databases => _byAssembly.Values;

    public Type DbContextTypeOf(Type messageType)
    {
        // Commands live in the module assembly; a module may also declare them in its Contracts assembly.
        var assembly = messageType.Assembly;
        if (_byAssembly.TryGetValue(assembly, out var database))
        {
            return database.DbContextType;
        }

        var moduleName = assembly.GetName().Name?.Replace(".Contracts", string.Empty, StringComparison.Ordinal);
        return _byAssembly.Values.FirstOrDefault(d => d.Assembly.GetName().Name == moduleName)?.DbContextType
            ?? throw new InvalidOperationException($"No module database is registered for {messageType.FullName}.");
    }
}
