using System.Diagnostics;
using CrmPlatform.BuildingBlocks.Results;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.BuildingBlocks.Pipeline;

/// <summary>First behavior: names the message, times it and logs typed failures at Information.</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        using var activity = PipelineTelemetry.Source.StartActivity(name);
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (response.Error is { } error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.Code);
            logger.LogInformation("{Message} failed with {ErrorCode} in {ElapsedMs:0.0} ms", name, error.Code, elapsed.TotalMilliseconds);
        }
        else
        {
            logger.LogDebug("{Message} handled in {ElapsedMs:0.0} ms", name, elapsed.TotalMilliseconds);
        }

        return response;
    }
}

public static class PipelineTelemetry
{
    public static readonly ActivitySource Source = new("CrmPlatform.Mediator");
}
