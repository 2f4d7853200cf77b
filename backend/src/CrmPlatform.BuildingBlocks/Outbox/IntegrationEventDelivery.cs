using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.BuildingBlocks.Outbox;

public static class IntegrationEventDelivery
{
    private static readonly MethodInfo DeliverMethod = typeof(IntegrationEventDelivery).GetMethod(nameof(DeliverTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IntegrationEvent, CancellationToken, Task>> Deliverers = new();

    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent> =>
        services.AddScoped<IIntegrationEventHandler<TEvent>, THandler>();

    /// <summary>Hands the event to every registered handler of its type, in registration order.</summary>
    public static Task DeliverAsync(IServiceProvider services, IntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        Deliverers.GetOrAdd(
                integrationEvent.GetType(),
                type => DeliverMethod.MakeGenericMethod(type).CreateDelegate<Func<IServiceProvider, IntegrationEvent, CancellationToken, Task>>())
            (services, integrationEvent, cancellationToken);

    private static async Task DeliverTypedAsync<TEvent>(IServiceProvider services, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent
    {
        foreach (var handler in services.GetServices<IIntegrationEventHandler<TEvent>>())
        {
            await handler.HandleAsync((TEvent)integrationEvent, cancellationToken);
        }
    }
}
