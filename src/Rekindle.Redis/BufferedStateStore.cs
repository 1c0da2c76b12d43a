using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Rekindle.Recovery;
using StackExchange.Redis;

namespace Rekindle.Redis;

/// <summary>
/// Bounds every Redis call by the timeout and carries snapshots over a Redis outage: a save Redis
/// cannot take in time is kept in memory (the latest generation per key, up to
/// <see cref="RekindleRedisOptions.MaxPendingSnapshots"/>) and written, generation-checked, when Redis
/// answers again, so other nodes find it then; a load looks there first. The save still throws: a copy
/// in this node's memory dies with the node, so the change it acknowledges must be kept recoverable
/// another way (the snapshot service then sends it to the browser with the reply). A load answered
/// from memory is not Redis answering (<see cref="ILocallyBufferedStore"/>).
/// </summary>
internal sealed partial class BufferedStateStore : IStateStore, ILocallyBufferedStore, IDisposable
{
    private readonly IStateStore _redis;
    private readonly RekindleRedisOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, PendingSnapshot> _pending = new(StringComparer.Ordinal);
    private readonly Counter<long> _dropped;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Meter _meter = new("Rekindle.Redis");

    public BufferedStateStore(IStateStore redis, RekindleRedisOptions options, ILogger<BufferedStateStore> logger)
    {
        _redis = redis;
        _options = options;
        _logger = logger;
        _dropped = _meter.CreateCounter<long>("rekindle.redis.snapshots.dropped", description: "Snapshots dropped because Redis was unreachable and the in-memory queue was full.");
        _meter.CreateObservableGauge("rekindle.redis.snapshots.pending", () => _pending.Count, description: "Snapshots waiting in memory for Redis to come back.");
        _ = RetryLoopAsync();
    }

    public int PendingCount => _pending.Count;

    public async ValueTask SaveAsync(string key, long generation, ReadOnlyMemory<byte> snapshot, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        try
        {
            await _redis.SaveAsync(key, generation, snapshot, timeToLive, cancellationToken).AsTask().WaitAsync(_options.OperationTimeout, cancellationToken);
            RemoveIfNotNewer(key, generation);
        }
        catch (Exception exception) when (IsOutage(exception))
        {
            Queue(key, new PendingSnapshot(generation, snapshot.ToArray(), timeToLive), exception);
            throw;
        }
    }

    public bool HoldsLocally(string key) => _pending.ContainsKey(key);

    public async ValueTask<byte[]?> LoadAsync(string key, CancellationToken cancellationToken) =>
        _pending.TryGetValue(key, out var pending)
            ? pending.Data
            : await _redis.LoadAsync(key, cancellationToken).AsTask().WaitAsync(_options.OperationTimeout, cancellationToken);

    public async ValueTask DeleteAsync(string key, CancellationToken cancellationToken)
    {
        _pending.TryRemove(key, out _);
        try
        {
            await _redis.DeleteAsync(key, cancellationToken).AsTask().WaitAsync(_options.OperationTimeout, cancellationToken);
        }
        catch (Exception exception) when (IsOutage(exception))
        {
            Log.DeleteFailed(_logger, exception.Message);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _meter.Dispose();
    }

    private static bool IsOutage(Exception exception) => exception is RedisException or TimeoutException;

    private void Queue(string key, PendingSnapshot snapshot, Exception cause)
    {
        if (!_pending.ContainsKey(key) && _pending.Count >= _options.MaxPendingSnapshots)
        {
            _dropped.Add(1);
            Log.Dropped(_logger, _options.MaxPendingSnapshots, cause.Message);
            return;
        }
        var wasEmpty = _pending.IsEmpty;
        _pending.AddOrUpdate(key, snapshot, (_, queued) => queued.Generation >= snapshot.Generation ? queued : snapshot);
        if (wasEmpty)
        {
            Log.Queuing(_logger, cause.Message);
        }
    }

    private void RemoveIfNotNewer(string key, long generation)
    {
        if (_pending.TryGetValue(key, out var queued) && queued.Generation <= generation)
        {
            ((ICollection<KeyValuePair<string, PendingSnapshot>>)_pending).Remove(new(key, queued));
        }
    }

    private async Task RetryLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.RetryInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                if (!_pending.IsEmpty)
                {
                    await FlushAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task FlushAsync()
    {
        var written = 0;
        foreach (var (key, queued) in _pending)
        {
            try
            {
                await _redis.SaveAsync(key, queued.Generation, queued.Data, queued.TimeToLive, _stopping.Token).AsTask().WaitAsync(_options.OperationTimeout, _stopping.Token);
            }
            catch (Exception exception) when (IsOutage(exception))
            {
                return; // still away: the next tick tries again
            }
            RemoveIfNotNewer(key, queued.Generation);
            written++;
        }
        Log.Flushed(_logger, written);
    }

    private sealed record PendingSnapshot(long Generation, byte[] Data, TimeSpan TimeToLive);

    private static partial class Log
    {
        [LoggerMessage(5111, LogLevel.Warning, "Redis did not take a snapshot ({Reason}); snapshots are kept in memory, and sent to the browsers, until it answers again.", EventName = nameof(Queuing))]
        public static partial void Queuing(ILogger logger, string reason);

        [LoggerMessage(5112, LogLevel.Error, "Snapshot not queued: Redis is unreachable ({Reason}) and {Limit} snapshots already wait in memory (Rekindle:Redis MaxPendingSnapshots). That view's latest change is recoverable only from the copy sent to its browser.", EventName = nameof(Dropped))]
        public static partial void Dropped(ILogger logger, int limit, string reason);

        [LoggerMessage(5113, LogLevel.Information, "Redis answers again: {Count} snapshots kept in memory were written.", EventName = nameof(Flushed))]
        public static partial void Flushed(ILogger logger, int count);

        [LoggerMessage(5114, LogLevel.Warning, "Deleting a snapshot in Redis failed ({Reason}); it expires by itself.", EventName = nameof(DeleteFailed))]
        public static partial void DeleteFailed(ILogger logger, string reason);
    }
}
