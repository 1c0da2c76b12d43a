using Rekindle.PubSub;

namespace Rekindle.Redis;

/// <summary>
/// The presences of every node of a cluster as this node knows them, each node's set under the
/// version that node gave it. Every change returns the diffs it makes, one per topic, so a caller
/// delivers exactly what changed: a join of a ref already present or a leave of one that is not is
/// no change. Not thread-safe: <see cref="RedisPresence"/> guards it.
/// </summary>
internal sealed class PresenceTable
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<PresenceMeta>> s_none = new Dictionary<string, IReadOnlyList<PresenceMeta>>();

    private readonly Dictionary<string, NodeState> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Listed>> _topics = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>The nodes with a known set, this one included once it tracked something.</summary>
    public IReadOnlyCollection<string> Nodes => _nodes.Keys;

    /// <summary>The version of <paramref name="node"/>'s set as last applied; <see langword="null"/> for an unknown node.</summary>
    public long? VersionOf(string node) => _nodes.TryGetValue(node, out var state) ? state.Version : null;

    /// <summary>The presences of <paramref name="node"/>.</summary>
    public IReadOnlyCollection<PresenceEntry> EntriesOf(string node) =>
        _nodes.TryGetValue(node, out var state) ? [.. state.Entries.Values] : [];

    /// <summary>Applies one change of <paramref name="node"/>: its set becomes <paramref name="version"/>.</summary>
    public IReadOnlyList<PresenceDiff> Apply(string node, long version, IEnumerable<PresenceEntry> joins, IEnumerable<string> leaves)
    {
        var state = StateOf(node);
        state.Version = version;
        var diffs = new DiffBuilder();
        foreach (var reference in leaves)
        {
            RemoveEntry(state, reference, diffs);
        }
        foreach (var entry in joins)
        {
            AddEntry(state, entry, diffs);
        }
        return diffs.Build();
    }

    /// <summary>Replaces all of <paramref name="node"/>'s set with <paramref name="entries"/> read at <paramref name="version"/>.</summary>
    public IReadOnlyList<PresenceDiff> Replace(string node, long version, IReadOnlyCollection<PresenceEntry> entries)
    {
        var state = StateOf(node);
        state.Version = version;
        var diffs = new DiffBuilder();
        var kept = entries.Select(entry => entry.Meta.Ref).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in state.Entries.Keys.Where(reference => !kept.Contains(reference)).ToList())
        {
            RemoveEntry(state, reference, diffs);
        }
        foreach (var entry in entries)
        {
            AddEntry(state, entry, diffs);
        }
        return diffs.Build();
    }

    /// <summary>Forgets <paramref name="node"/> (it died or left): every presence it had leaves.</summary>
    public IReadOnlyList<PresenceDiff> Remove(string node)
    {
        if (!_nodes.TryGetValue(node, out var state))
        {
            return [];
        }
        var diffs = new DiffBuilder();
        foreach (var reference in state.Entries.Keys.ToList())
        {
            RemoveEntry(state, reference, diffs);
        }
        _nodes.Remove(node);
        return diffs.Build();
    }

    /// <summary>Everyone on <paramref name="topic"/>, key → metas, in the order this node learned of them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PresenceMeta>> List(string topic) =>
        _topics.TryGetValue(topic, out var listed)
            ? listed.Values.OrderBy(item => item.Sequence)
                .GroupBy(item => item.Entry.Key, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => (IReadOnlyList<PresenceMeta>)[.. group.Select(item => item.Entry.Meta)], StringComparer.Ordinal)
            : s_none;

    private NodeState StateOf(string node)
    {
        if (!_nodes.TryGetValue(node, out var state))
        {
            _nodes[node] = state = new NodeState();
        }
        return state;
    }

    private void AddEntry(NodeState state, PresenceEntry entry, DiffBuilder diffs)
    {
        if (!state.Entries.TryAdd(entry.Meta.Ref, entry))
        {
            return;
        }
        if (!_topics.TryGetValue(entry.Topic, out var listed))
        {
            _topics[entry.Topic] = listed = new(StringComparer.Ordinal);
        }
        listed[entry.Meta.Ref] = new Listed(entry, ++_sequence);
        diffs.Join(entry);
    }

    private void RemoveEntry(NodeState state, string reference, DiffBuilder diffs)
    {
        if (!state.Entries.Remove(reference, out var entry))
        {
            return;
        }
        var listed = _topics[entry.Topic];
        listed.Remove(reference);
        if (listed.Count == 0)
        {
            _topics.Remove(entry.Topic);
        }
        diffs.Leave(entry);
    }

    private sealed class NodeState
    {
        public long Version { get; set; }

        public Dictionary<string, PresenceEntry> Entries { get; } = new(StringComparer.Ordinal);
    }

    private sealed record Listed(PresenceEntry Entry, long Sequence);

    /// <summary>Collects joins and leaves by topic and key into <see cref="PresenceDiff"/>s.</summary>
    private sealed class DiffBuilder
    {
        private readonly Dictionary<string, (Dictionary<string, List<PresenceMeta>> Joins, Dictionary<string, List<PresenceMeta>> Leaves)> _topics = new(StringComparer.Ordinal);

        public void Join(PresenceEntry entry) => Add(Of(entry.Topic).Joins, entry);

        public void Leave(PresenceEntry entry) => Add(Of(entry.Topic).Leaves, entry);

        public IReadOnlyList<PresenceDiff> Build() =>
            [.. _topics.Select(pair => new PresenceDiff(pair.Key, Freeze(pair.Value.Joins), Freeze(pair.Value.Leaves)))];

        private static void Add(Dictionary<string, List<PresenceMeta>> byKey, PresenceEntry entry)
        {
            if (!byKey.TryGetValue(entry.Key, out var metas))
            {
                byKey[entry.Key] = metas = [];
            }
            metas.Add(entry.Meta);
        }

        private static Dictionary<string, IReadOnlyList<PresenceMeta>> Freeze(Dictionary<string, List<PresenceMeta>> byKey) =>
            byKey.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<PresenceMeta>)pair.Value.ToArray(), StringComparer.Ordinal);

        private (Dictionary<string, List<PresenceMeta>> Joins, Dictionary<string, List<PresenceMeta>> Leaves) Of(string topic)
        {
            if (!_topics.TryGetValue(topic, out var diff))
            {
                _topics[topic] = diff = (new(StringComparer.Ordinal), new(StringComparer.Ordinal));
            }
            return diff;
        }
    }
}
