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
    private long _lastAnswer;

    /// <summary>
    /// Notes another failed lookup for <paramref name="key"/>; true while the view should still retry. A
    /// view whose last failed lookup here came before the store last answered this node is in a new
    /// outage: it was restored elsewhere in between (behind a balancer) or the store came back and went
    /// away again, so its wait starts over. Outages seconds apart are thus never taken for one.
    /// </summary>
    public bool ShouldRetry(string key)
    {
        var now = time.GetTimestamp();
        var lastAnswer = Volatile.Read(ref _lastAnswer);
        var entry = _since.AddOrUpdate(key, (now, now), (_, seen) => (seen.Last < lastAnswer ? now : seen.Since, now));
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

    /// <summary>The store answered a load or a save on this node: every later failed lookup belongs to a new outage.</summary>
    public void Answered()
    {
        var now = time.GetTimestamp();
        if (Volatile.Read(ref _lastAnswer) < now)
        {
            Volatile.Write(ref _lastAnswer, now);
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
