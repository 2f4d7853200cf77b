namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>A module's own hourly clean-up, run by <see cref="Housekeeping"/> with the platform's.</summary>
public interface IHousekeepingTask
{
    /// <summary>Deletes what is no longer needed as of <paramref name="now"/>; returns what it deleted, for the log.</summary>
    Task<string> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
