namespace Rekindle.Recovery;

/// <summary>Where snapshots of recoverable state are kept (<see cref="RecoveryOptions.Store"/>).</summary>
public enum SnapshotStore
{
    /// <summary>In the registered <see cref="IStateStore"/>: SQLite on one machine by default, Redis in a cluster.</summary>
    Server,

    /// <summary>In the browser, as encrypted and signed tokens handed back at each join.</summary>
    Browser,
}
