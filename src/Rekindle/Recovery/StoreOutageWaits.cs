using System.Collections.Concurrent;

namespace Rekindle.Recovery;

/// <summary>
/// Remembers since when each rejoining view has found the snapshot store unreachable, so that it is
/// sent back to retry (its state may be in the store) only for <see cref="RecoveryOptions.StoreOutageWait"/>,
/// then mounts fresh. Per node: behind a round-robin balancer a view may wait that long on each node it reaches.
/// </summary>
internal sealed class StoreOutageWaits(TimeSpan wait, TimeProvider time)
{
    /// <summary>Entries kept before expired ones are swept: a long outage with many views must not grow this without bound.</summary>
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, (long Since, long Last)> _since = new(StringComparer.Ordinal);

    /// <summary>
    /// Notes another failed lookup for <paramref name="key"/>; true while the view should still retry. A
    /// view whose last failed lookup here is older than twice the wait is in a new outage: its lookups
    /// in between went to other nodes (behind a balancer), so this node never saw the store answer for it.
    /// </summary>
    public bool ShouldRetry(string key)
    {
        var now = time.GetTimestamp();
        var entry = _since.AddOrUpdate(key, (now, now), (_, seen) => (time.GetElapsedTime(seen.Last, now) < wait * 2 ? seen.Since : now, now));
        if (time.GetElapsedTime(entry.Since, now) < wait)
        {
            if (_since.Count > SweepAbove)
            {
                Sweep(now);
            }
            return true;
        }
        _since.TryRemove(key, out _);
        return false;
    }

    /// <summary>The store answered for <paramref name="key"/>: a later outage starts a new wait.</summary>
    public void Answered(string key)
    {
        if (!_since.IsEmpty)
        {
            _since.TryRemove(key, out _);
        }
    }

    private void Sweep(long now)
    {
        foreach (var (key, entry) in _since)
        {
            if (time.GetElapsedTime(entry.Since, now) >= wait)
            {
                _since.TryRemove(key, out _);
            }
        }
    }
}
