namespace Rekindle.Recovery;

/// <summary>What a joining view's snapshot lookup found.</summary>
/// <param name="Snapshot">The snapshot to restore, or <see langword="null"/>.</param>
/// <param name="StoreUnavailable">The store could not be reached and the view may have state there: it should come back later rather than mount fresh.</param>
internal readonly record struct SnapshotLookup(ViewSnapshot? Snapshot, bool StoreUnavailable);
