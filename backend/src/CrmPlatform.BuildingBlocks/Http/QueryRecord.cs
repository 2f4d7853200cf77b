using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.BuildingBlocks.Http;

internal static class QueryRecord
{
    /// <summary>The members of an endpoint's <c>[AsParameters]</c> records: its declared query parameters.</summary>
    public static IEnumerable<PropertyInfo> MembersOf(MethodInfo endpoint) =>
        endpoint.GetParameters()
            .Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null)
            .SelectMany(p => p.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance));
}
