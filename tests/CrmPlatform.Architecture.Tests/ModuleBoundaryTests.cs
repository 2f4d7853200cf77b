using System.Reflection;
using CrmPlatform.BuildingBlocks.Modules;
using CrmPlatform.BuildingBlocks.Outbox;
using Mediator;
using NetArchTest.Rules;

namespace CrmPlatform.Architecture.Tests;

public sealed class ModuleBoundaryTests
{
    private static readonly string[] ModuleNames = ["Identity", "Customers", "Deals", "Visits", "Complaints", "Retention", "Referrals"];

    public static TheoryData<string> Modules => new(ModuleNames);

    private static Assembly Module(string name) => Assembly.Load($"CrmPlatform.{name}");

    private static Assembly Contracts(string name) => Assembly.Load($"CrmPlatform.{name}.Contracts");

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_references_only_building_blocks_and_other_modules_contracts(string module)
    {
        var crmReferences = Module(module).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("CrmPlatform.", StringComparison.Ordinal));

        crmReferences.Should().OnlyContain(
            n => n == "CrmPlatform.BuildingBlocks" || n.EndsWith(".Contracts", StringComparison.Ordinal),
            $"{module} may talk to other modules only through their Contracts");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_modules_contracts_do_not_depend_on_any_module_internals(string module)
    {
        var internals = ModuleNames.SelectMany(m => new[] { $"CrmPlatform.{m}.Features", $"CrmPlatform.{m}.Domain", $"CrmPlatform.{m}.Persistence" }).ToArray();

        var result = Types.InAssembly(Contracts(module)).ShouldNot().HaveDependencyOnAny(internals).GetResult();

        result.IsSuccessful.Should().BeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Building_blocks_know_no_module()
    {
        var result = Types.InAssembly(typeof(IModule).Assembly)
            .ShouldNot().HaveDependencyOnAny(ModuleNames.Select(m => $"CrmPlatform.{m}").ToArray())
            .GetResult();

        result.IsSuccessful.Should().BeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Handlers_are_internal_to_their_module(string module)
    {
        Type[] handlerInterfaces = [typeof(ICommandHandler<,>), typeof(IQueryHandler<,>), typeof(IIntegrationEventHandler<>)];

        var publicHandlers = Module(module).GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && handlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            .Where(t => t.IsPublic || t.IsNestedPublic)
            .Select(t => t.FullName);

        publicHandlers.Should().BeEmpty("only a module's IModule class and its messages are public");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_exposes_one_module_class(string module)
    {
        Module(module).GetExportedTypes().Where(t => typeof(IModule).IsAssignableFrom(t)).Should().ContainSingle();
    }
}
