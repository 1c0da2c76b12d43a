using Microsoft.Extensions.Logging;
using Rekindle.PubSub;

namespace Rekindle.Redis;

/// <summary>
/// <see cref="IPresence"/> across the nodes of a cluster. Every node holds the presences of all nodes
/// in a <see cref="PresenceTable"/>: its own are changed here and delivered at once, then written to
/// its hash in Redis and published, one numbered change after the other; the other nodes' come in as
/// those changes or, after a gap, by reading their hash
/// (<see cref="PresenceSync"/>). One lock guards the table and the subscribers, and diffs are
/// delivered under it, as <c>LocalPresence</c> does, so no subscriber sees a leave before its join.
/// </summary>
internal sealed partial class RedisPresence(RedisPresenceStore store, RekindleRedisOptions options, ILogger<RedisPresence> logger) : IPresence
{
    private const int MaxKeyLength = 200;

    private readonly Lock _gate = new();
    private readonly PresenceTable _table = new();
    private readonly Dictionary<string, List<Action<PresenceDiff>>> _subscribers = new(StringComparer.Ordinal);
    private long _version;
    private bool _announced;

    /// <summary>This process in the cluster; a restarted node is a new one.</summary>
    public string Node { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Wakes <see cref="PresenceSync"/> when Redis must be told or asked something now.</summary>
    public SemaphoreSlim Wake { get; } = new(0);

    public IPresenceTracking Track(string topic, string key, IReadOnlyDictionary<string, string> meta)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(meta);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"Expected a presence key of at most {MaxKeyLength} characters. Got: {key.Length}.", nameof(key));
        }
        var entry = new PresenceEntry(topic, key, NewMeta(meta));
        lock (_gate)
        {
            Change([entry], []);
        }
        return new Tracking(this, entry);
    }

    public IReadOnlyDictionary<string, IReadOnlyList<PresenceMeta>> List(string topic)
    {
        lock (_gate)
        {
            return _table.List(topic);
        }
    }

    public IDisposable Subscribe(string topic, Action<PresenceDiff> deliver)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(deliver);
        lock (_gate)
        {
            if (!_subscribers.TryGetValue(topic, out var list))
            {
                _subscribers[topic] = list = [];
            }
            list.Add(deliver);
        }
        return new Subscription(this, topic, deliver);
    }

    /// <summary>Reads the table under the lock.</summary>
    public T Read<T>(Func<PresenceTable, T> read)
    {
        lock (_gate)
        {
            return read(_table);
        }
    }

    /// <summary>Runs <paramref name="change"/> on the table under the lock and delivers the diffs it returns.</summary>
    public T Update<T>(Func<PresenceTable, (T Result, IReadOnlyList<PresenceDiff> Diffs)> change)
    {
        lock (_gate)
        {
            var (result, diffs) = change(_table);
            Deliver(diffs);
            return result;
        }
    }

    /// <summary>
    /// Writes this node's whole set to Redis under a new version unless Redis holds
    /// <paramref name="storedVersion"/> = the current one; a change made meanwhile follows it on the
    /// same connection, so it lands on top.
    /// </summary>
    public Task AnnounceIfStaleAsync(long? storedVersion)
    {
        lock (_gate)
        {
            if (_announced && storedVersion == _version)
            {
                return Task.CompletedTask;
            }
            _announced = true;
            var version = ++_version;
            var entries = _table.EntriesOf(Node);
            return store.AnnounceAsync(Node, version, entries, PresenceWire.Write(new PresenceWire.Message(Node, PresenceWire.Reset, version, null, null)), options.PresenceNodeTimeout);
        }
    }

    /// <summary>Redis may not hold this node's set as it is (a failed write): the next heartbeat writes it whole.</summary>
    public void MarkStale()
    {
        lock (_gate)
        {
            if (_announced)
            {
                Log.Stale(logger);
            }
            _announced = false;
        }
    }

    /// <summary>The version this node's set has now.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    private static PresenceMeta NewMeta(IReadOnlyDictionary<string, string> values) =>
        new(Guid.NewGuid().ToString("N")[..16], new Dictionary<string, string>(values, StringComparer.Ordinal));

    /// <summary>Changes this node's set (under the lock): delivered here now, sent to Redis in order.</summary>
    private void Change(IReadOnlyList<PresenceEntry> joins, IReadOnlyList<string> leaves)
    {
        var previous = _version;
        var version = ++_version;
        Deliver(_table.Apply(Node, version, joins, leaves));
        if (!_announced)
        {
            return; // the next announce writes the whole set, this change included
        }
        var message = PresenceWire.Write(new PresenceWire.Message(Node, PresenceWire.Change, version, [.. joins.Select(PresenceWire.Write)], leaves));
        _ = SendAsync(store.ChangeAsync(Node, previous, version, joins, leaves, message, options.PresenceNodeTimeout));
    }

    private async Task SendAsync(Task<bool> change)
    {
        try
        {
            if (await change)
            {
                return;
            }
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            Log.ChangeFailed(logger, exception.Message);
        }
        MarkStale();
        Wake.Release();
    }

    private void Deliver(IReadOnlyList<PresenceDiff> diffs)
    {
        foreach (var diff in diffs)
        {
            if (!_subscribers.TryGetValue(diff.Topic, out var list))
            {
                continue;
            }
            foreach (var deliver in list)
            {
                try
                {
                    deliver(diff);
                }
                catch (Exception exception)
                {
                    Log.DeliveryFailed(logger, exception, diff.Topic);
                }
            }
        }
    }

    private sealed class Tracking(RedisPresence owner, PresenceEntry entry) : IPresenceTracking
    {
        private bool _disposed;

        public PresenceMeta Current { get; private set; } = entry.Meta;

        public void Update(IReadOnlyDictionary<string, string> values)
        {
            ArgumentNullException.ThrowIfNull(values);
            var next = entry with { Meta = NewMeta(values) };
            lock (owner._gate)
            {
                if (_disposed)
                {
                    return;
                }
                var previous = Current.Ref;
                Current = next.Meta;
                owner.Change([next], [previous]);
            }
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                if (_disposed)
                {
                    return;
                }
                _disposed = true;
                owner.Change([], [Current.Ref]);
            }
        }
    }

    private sealed class Subscription(RedisPresence owner, string topic, Action<PresenceDiff> deliver) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                if (owner._subscribers.TryGetValue(topic, out var list) && list.Remove(deliver) && list.Count == 0)
                {
                    owner._subscribers.Remove(topic);
                }
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5130, LogLevel.Information, "Redis does not hold this node's presences as they are (Redis restarted, a write failed, or the node was cut off and reaped): the next heartbeat writes them whole.", EventName = nameof(Stale))]
        public static partial void Stale(ILogger logger);

        [LoggerMessage(5131, LogLevel.Warning, "A presence change could not be written to Redis ({Reason}): this node's views saw it; other nodes see it once Redis answers.", EventName = nameof(ChangeFailed))]
        public static partial void ChangeFailed(ILogger logger, string reason);

        [LoggerMessage(5132, LogLevel.Error, "A presence subscriber of {Topic} threw; other subscribers still got the diff.", EventName = nameof(DeliveryFailed))]
        public static partial void DeliveryFailed(ILogger logger, Exception exception, string topic);
    }
}
