using System.Reflection;
using CrmPlatform.BuildingBlocks.Persistence;

namespace CrmPlatform.BuildingBlocks.Modules;

/// <summary>One module's database: its schema and the context type that owns it.</summary>
public sealed record ModuleDatabase(string Schema, Type DbContextType)
{
    public Assembly Assembly => DbContextType.Assembly;

    public bool HasOutbox => typeof(ModuleDbContext).IsAssignableFrom(DbContextType);
}

/// <summary>Knows which module database a command belongs to: the one of the module assembly that declares it.</summary>
public sealed class ModuleCatalog(IEnumerable<ModuleDatabase> databases)
{
    private readonly Dictionary<Assembly, ModuleDatabase> _byAssembly = databases.ToDictionary(d => d.Assembly);

    public IReadOnlyCollection<ModuleDatabase> Databases => _byAssembly.Values;

    public Type DbContextTypeOf(Type messageType) =>
        _byAssembly.TryGetValue(messageType.Assembly, out var database)
            ? database.DbContextType
            : throw new InvalidOperationException($"{messageType.FullName} is not declared in a module with a registered database.");
}
