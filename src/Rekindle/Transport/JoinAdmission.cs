using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Rekindle.Transport;

/// <summary>
/// Decides whether a join may mount a view now. Budgets refill continuously (token buckets holding
/// a minute's worth) and are keyed by browser session first, client address second
/// (<see cref="TransportOptions"/>):
/// <list type="bullet">
/// <item>every join spends from its browser session's budget (<c>MaxJoinsPerMinutePerSession</c>);</item>
/// <item>a first mount (<c>_mounts</c> = 0) also spends from its address's budget (<c>MaxJoinsPerMinutePerAddress</c>);</item>
/// <item>a rejoin (<c>_mounts</c> &gt; 0, a tab coming back after an outage) spends from a ten times larger
/// address budget of its own (<c>MaxRejoinsPerMinutePerAddress</c>), so returning users are the last throttled
/// and strangers' mounts cannot crowd them out.</item>
/// </list>
/// A join over budget is not refused: the caller holds it and asks again after
/// <see cref="TryAdmit"/>'s wait (docs/protocol.md §3.5: any join error reloads the page).
/// IPv6 addresses count per /64, the block one host usually owns.
/// </summary>
internal sealed class JoinAdmission(IOptions<TransportOptions> options, TimeProvider time)
{
    private const int PruneAbove = 10_000;
    private readonly TransportOptions _options = options.Value;
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>
    /// Spends one join from every budget the join draws on, or none of them and returns false with
    /// the time until all of them have a join again.
    /// </summary>
    public bool TryAdmit(string address, string? browserSessionId, bool rejoin, out TimeSpan retryAfter)
    {
        var now = time.GetTimestamp();
        var addressKey = AddressKey(address);
        lock (_lock)
        {
            var byAddress = rejoin
                ? Find("r:" + addressKey, _options.MaxRejoinsPerMinutePerAddress, now)
                : Find("a:" + addressKey, _options.MaxJoinsPerMinutePerAddress, now);
            var bySession = browserSessionId is null ? null : Find("s:" + browserSessionId, _options.MaxJoinsPerMinutePerSession, now);
            retryAfter = TimeSpan.FromSeconds(Math.Max(byAddress.SecondsUntilOne(), bySession?.SecondsUntilOne() ?? 0));
            if (retryAfter > TimeSpan.Zero)
            {
                return false;
            }
            byAddress.Tokens--;
            if (bySession is not null)
            {
                bySession.Tokens--;
            }
            if (_buckets.Count > PruneAbove)
            {
                PruneFull();
            }
            return true;
        }
    }

    private Bucket Find(string key, int perMinute, long now)
    {
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new Bucket(perMinute, now);
            _buckets[key] = bucket;
        }
        bucket.Refill(now, time);
        return bucket;
    }

    /// <summary>A full bucket holds nothing a new one would not: dropping it forgets no spending.</summary>
    private void PruneFull()
    {
        var now = time.GetTimestamp();
        foreach (var (key, bucket) in _buckets)
        {
            bucket.Refill(now, time);
            if (bucket.Tokens >= bucket.Capacity)
            {
                _buckets.Remove(key);
            }
        }
    }

    private static string AddressKey(string address)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return address;
        }
        if (ip.IsIPv4MappedToIPv6)
        {
            return ip.MapToIPv4().ToString();
        }
        if (ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return ip.ToString();
        }
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private sealed class Bucket(int perMinute, long now)
    {
        private long _last = now;

        public double Capacity { get; } = perMinute;

        public double Tokens { get; set; } = perMinute;

        public void Refill(long now, TimeProvider time)
        {
            Tokens = Math.Min(Capacity, Tokens + (time.GetElapsedTime(_last, now).TotalSeconds * Capacity / 60));
            _last = now;
        }

        public double SecondsUntilOne() => Tokens >= 1 ? 0 : (1 - Tokens) * 60 / Capacity;
    }
}
