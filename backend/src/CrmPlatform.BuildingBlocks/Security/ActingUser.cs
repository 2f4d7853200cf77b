namespace CrmPlatform.BuildingBlocks.Security;

/// <summary>
/// Work done in the background on someone's behalf (an import) acts as that user: <see cref="ICurrentUser"/> and
/// the audit log read the user from here when there is no request. It flows with the async calls of the work
/// (an <see cref="AsyncLocal{T}"/>, like the request's own context) and ends when the returned scope is disposed.
/// </summary>
public static class ActingUser
{
    private static readonly AsyncLocal<Caller?> Current = new();

    internal static Caller? Value => Current.Value;

    public static IDisposable Assume(Guid id, Guid? teamId, string role)
    {
        var previous = Current.Value;
        Current.Value = new Caller(id, teamId, role);
        return new Restore(previous);
    }

    internal sealed record Caller(Guid Id, Guid? TeamId, string Role);

    private sealed class Restore(Caller? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
