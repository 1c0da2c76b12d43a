namespace Rekindle.Recovery;

/// <summary>
/// Server-side storage for view snapshots (SQLite on one machine, Redis in a cluster). Without one,
/// Rekindle keeps snapshots in the browser as encrypted tokens.
/// </summary>
/// <remarks>Called from view mailboxes concurrently for different keys; implementations must be thread-safe.</remarks>
public interface IStateStore
{
    /// <summary>
    /// Stores a snapshot unless the store already holds one of a higher <paramref name="generation"/>
    /// for the key (a slower, older writer must never overwrite a newer snapshot). Completes only once
    /// the snapshot is durable in the store (a kill of this process does not lose it): the reply that
    /// acknowledges the change goes out after it. Throws when it cannot make the snapshot durable;
    /// Rekindle then sends the snapshot to the browser with that reply instead.
    /// </summary>
    ValueTask SaveAsync(string key, long generation, ReadOnlyMemory<byte> snapshot, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>The stored snapshot, or <see langword="null"/> when there is none or it expired.</summary>
    ValueTask<byte[]?> LoadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Forgets a snapshot (the view was left for good).</summary>
    ValueTask DeleteAsync(string key, CancellationToken cancellationToken);
}
