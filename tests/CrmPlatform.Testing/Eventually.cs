using FluentAssertions;

namespace CrmPlatform.Testing;

/// <summary>Waits for what happens after a request returns (outbox delivery, event consumers), up to a deadline.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, because);
            await Task.Delay(50);
        }
    }
}
