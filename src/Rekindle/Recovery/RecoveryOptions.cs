namespace Rekindle.Recovery;

/// <summary>Options of recoverable state. Bound from the <c>Rekindle:Recovery</c> configuration section.</summary>
public sealed class RecoveryOptions
{
    /// <summary>Whether [Recoverable] state is snapshotted and restored at all.</summary>
    /// <value><see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where snapshots are kept. <see cref="SnapshotStore.Server"/> uses the registered
    /// <see cref="IStateStore"/> (SQLite in the data folder unless Redis or another store is added);
    /// <see cref="SnapshotStore.Browser"/> sends each snapshot to the page as an encrypted token that
    /// comes back with the next join (no server storage, but every change costs a few hundred bytes on the wire).
    /// </summary>
    /// <value><see cref="SnapshotStore.Server"/>.</value>
    public SnapshotStore Store { get; set; } = SnapshotStore.Server;

    /// <summary>How long a snapshot stays usable after its last save.</summary>
    /// <value>24 hours.</value>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The largest serialized snapshot; a larger one is not saved, and an error is logged naming the view.</summary>
    /// <value>65,536 bytes.</value>
    public int MaxSnapshotBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Failed join attempts in a row (the client's <c>_mount_attempts</c>) after which a snapshot is no
    /// longer applied: one that crashes the node on every restore. The client counts every join that
    /// did not succeed, also those the server deferred (store outage, drain, a held join) or lost to a
    /// dropped socket, so the limit must stay above what an outage costs. The stock client rejoins at
    /// once on every fresh socket (its back-off restarts when a socket opens), up to ten times a second
    /// when each join is deferred with 1012; that is why a rejoin is first held for
    /// <see cref="StoreOutageHold"/>, which makes it about one attempt per hold. A join that crashes on
    /// its snapshot is retried without it on the same socket whatever this says.
    /// </summary>
    /// <value>60.</value>
    public int SkipAfterFailedJoins { get; set; } = 60;

    /// <summary>
    /// How long a rejoining view whose snapshot store is unreachable (Redis down, say) is asked to come
    /// back later — its socket is closed with 1012 and the client reconnects with back-off, maybe to
    /// another node — before it restores the snapshot its browser holds, if any, or mounts fresh
    /// without its state. Counted per node and per outage: the store answering the node starts the
    /// next outage's wait afresh.
    /// </summary>
    /// <value>30 seconds.</value>
    public TimeSpan StoreOutageWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a rejoin is held, its store lookup retried, while the store is unreachable before the
    /// socket is closed with 1012: a Redis restart takes seconds, and a held join restores as soon as
    /// it answers, where a deferred one costs the client a reconnect and one of its join attempts
    /// (<see cref="SkipAfterFailedJoins"/>). Keep it under the client's join timeout (10 s by default).
    /// </summary>
    /// <value>5 seconds.</value>
    public TimeSpan StoreOutageHold { get; set; } = TimeSpan.FromSeconds(5);
}
