namespace Rekindle.Redis;

/// <summary>How a node behaves when Redis is slow or unreachable.</summary>
public sealed class RekindleRedisOptions
{
    /// <summary>
    /// The longest any Redis call may take (snapshot save or load, publish). While Redis is
    /// unreachable calls fail at once instead of waiting, so no request ever waits longer than this.
    /// </summary>
    /// <value>2 seconds.</value>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Snapshots kept in memory (the latest per view) while Redis cannot take them; written when it
    /// answers again. Past it a snapshot is dropped with a logged error and a metric.
    /// </summary>
    /// <value>10,000.</value>
    public int MaxPendingSnapshots { get; set; } = 10_000;

    /// <summary>How often queued snapshots are retried while Redis is away.</summary>
    /// <value>1 second.</value>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);
}
