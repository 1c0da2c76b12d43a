namespace Rekindle.Redis;

/// <summary>
/// Where Redis is and how a node behaves when it is slow or unreachable. Bound from the
/// <c>Rekindle:Redis</c> configuration section by <c>AddRedis</c>.
/// </summary>
public sealed class RekindleRedisOptions
{
    /// <summary>
    /// The StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c> or
    /// <c>redis1:6379,redis2:6379,password=...</c>. Required.
    /// </summary>
    /// <value>Empty: the application must set it.</value>
    public string Configuration { get; set; } = "";

    /// <summary>
    /// The Data Protection application name. Every node of one application must use the same one, so
    /// that tokens issued by one node are valid on all; two applications sharing a Redis must differ.
    /// </summary>
    /// <value><c>Rekindle</c>.</value>
    public string ApplicationName { get; set; } = "Rekindle";

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

    /// <summary>
    /// How often a node refreshes its presence heartbeat in Redis and checks the other nodes': a
    /// missed change is read again, and a dead node found, within about this long.
    /// </summary>
    /// <value>3 seconds.</value>
    public TimeSpan PresenceHeartbeat { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long after its last heartbeat a node counts as dead: its presences then leave on every other
    /// node, at most this plus <see cref="PresenceHeartbeat"/> after it died (13 s by default). At least
    /// twice <see cref="PresenceHeartbeat"/>, so one late heartbeat never makes a node's users leave.
    /// </summary>
    /// <value>10 seconds.</value>
    public TimeSpan PresenceNodeTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
