namespace Rekindle.PubSub;

/// <summary>
/// The default <see cref="IPresence"/>: the presences of this process, in memory. One lock guards
/// every topic, and diffs are delivered under it, so each subscriber sees joins and leaves in the
/// order they happened and never a leave before its join.
/// </summary>
internal sealed class LocalPresence : IPresence
{
    internal const int MaxKeyLength = 200;

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<PresenceMeta>> s_none = new Dictionary<string, IReadOnlyList<PresenceMeta>>();

    private readonly object _gate = new();
    private readonly Dictionary<string, Dictionary<string, List<PresenceMeta>>> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Action<PresenceDiff>>> _subscribers = new(StringComparer.Ordinal);

    public IPresenceTracking Track(string topic, string key, IReadOnlyDictionary<string, string> meta)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(meta);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"Expected a presence key of at most {MaxKeyLength} characters. Got: {key.Length}.", nameof(key));
        }
        var tracking = new Tracking(this, topic, key, NewMeta(meta));
        lock (_gate)
        {
            Add(topic, key, tracking.Current);
            Deliver(topic, Single(key, tracking.Current), s_none);
        }
        return tracking;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<PresenceMeta>> List(string topic)
    {
        lock (_gate)
        {
            return _topics.TryGetValue(topic, out var keys)
                ? keys.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<PresenceMeta>)pair.Value.ToArray(), StringComparer.Ordinal)
                : s_none;
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

    private static PresenceMeta NewMeta(IReadOnlyDictionary<string, string> values) =>
        new(Guid.NewGuid().ToString("N")[..16], new Dictionary<string, string>(values, StringComparer.Ordinal));

    private static Dictionary<string, IReadOnlyList<PresenceMeta>> Single(string key, PresenceMeta meta) =>
        new(StringComparer.Ordinal) { [key] = [meta] };

    private void Add(string topic, string key, PresenceMeta meta)
    {
        if (!_topics.TryGetValue(topic, out var keys))
        {
            _topics[topic] = keys = new(StringComparer.Ordinal);
        }
        if (!keys.TryGetValue(key, out var metas))
        {
            keys[key] = metas = [];
        }
        metas.Add(meta);
    }

    private void Remove(string topic, string key, PresenceMeta meta)
    {
        var keys = _topics[topic];
        var metas = keys[key];
        metas.Remove(meta);
        if (metas.Count == 0)
        {
            keys.Remove(key);
            if (keys.Count == 0)
            {
                _topics.Remove(topic);
            }
        }
    }

    private void Deliver(string topic, IReadOnlyDictionary<string, IReadOnlyList<PresenceMeta>> joins, IReadOnlyDictionary<string, IReadOnlyList<PresenceMeta>> leaves)
    {
        if (_subscribers.TryGetValue(topic, out var list))
        {
            var diff = new PresenceDiff(topic, joins, leaves);
            foreach (var deliver in list)
            {
                deliver(diff);
            }
        }
    }

    private sealed class Tracking(LocalPresence owner, string topic, string key, PresenceMeta meta) : IPresenceTracking
    {
        private bool _disposed;

        public PresenceMeta Current { get; private set; } = meta;

        public void Update(IReadOnlyDictionary<string, string> values)
        {
            ArgumentNullException.ThrowIfNull(values);
            var next = NewMeta(values);
            lock (owner._gate)
            {
                if (_disposed)
                {
                    return;
                }
                var previous = Current;
                owner.Remove(topic, key, previous);
                owner.Add(topic, key, next);
                Current = next;
                owner.Deliver(topic, Single(key, next), Single(key, previous));
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
                owner.Remove(topic, key, Current);
                owner.Deliver(topic, s_none, Single(key, Current));
            }
        }
    }

    private sealed class Subscription(LocalPresence owner, string topic, Action<PresenceDiff> deliver) : IDisposable
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
}
