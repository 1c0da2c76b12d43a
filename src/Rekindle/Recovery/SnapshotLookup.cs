namespace Rekindle.Recovery;

/// <summary>What a joining view's snapshot lookup found.</summary>
/// <param name="Snapshot">The snapshot to restore, or <see langword="null"/>.</param>
/// <param name="StoreUnavailable">The store could not be reached and the view may have state there: it should come back later rather than mount fresh.</param>
/// <param name="MissReason">Why a rejoining view found no snapshot to restore, for its log line and <c>LiveView.OnStateNotRestoredAsync</c>; <see langword="null"/> for a first join or a hit.</param>
internal readonly record struct SnapshotLookup(ViewSnapshot? Snapshot, bool StoreUnavailable, string? MissReason = null);
