namespace CrmPlatform.BuildingBlocks.Scheduling;

/// <summary>
/// Wakes a background worker as soon as there is work for it (a commit with outbox messages, an uploaded import)
/// instead of at its next poll. One per worker, told apart by <typeparamref name="TWorker"/>.
/// </summary>
public sealed class WakeSignal<TWorker> : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try
            {
                _semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Someone else woke the worker at the same moment: one wake-up covers both.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
