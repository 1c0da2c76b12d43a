using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Rekindle.Transport;

/// <summary>
/// Counts joins per client address in fixed one-minute windows, so one address cannot mount views
/// (each a DI scope and a mount) faster than <see cref="TransportOptions.MaxJoinsPerMinutePerAddress"/>.
/// </summary>
internal sealed class JoinRateLimiter(IOptions<TransportOptions> options, TimeProvider time)
{
    private readonly int _limit = options.Value.MaxJoinsPerMinutePerAddress;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public bool TryJoin(string address)
    {
        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        var window = _windows.AddOrUpdate(
            address,
            _ => new Window(minute, 1),
            (_, current) => current.Minute == minute ? current with { Count = current.Count + 1 } : new Window(minute, 1));
        if (_windows.Count > 10_000)
        {
            foreach (var (key, stale) in _windows)
            {
                if (stale.Minute < minute)
                {
                    _windows.TryRemove(new(key, stale));
                }
            }
        }
        return window.Count <= _limit;
    }

    private readonly record struct Window(long Minute, int Count);
}
