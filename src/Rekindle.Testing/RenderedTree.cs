using Rekindle.Rendering;
using Node = System.Collections.Generic.Dictionary<string, object?>;

namespace Rekindle.Testing;

/// <summary>
/// The rendered tree of one view as the browser client holds it, and its HTML.
/// </summary>
/// <remarks>
/// A port of the client's <c>Rendered</c> (phoenix_live_view 1.2.12, <c>assets/js/phoenix_live_view/rendered.js</c>),
/// method for method, so a test sees what the browser would build from the same frames — including
/// its quirks: a node with <c>"s"</c> replaces, one without merges; a missing dynamic renders as
/// <c>undefined</c>; <c>"p"</c> templates are resolved and dropped at render time; keyed moves read the
/// entries as they were before the diff; <c>"s": N</c> / <c>"s": -N</c> start a component from another
/// one after / before this diff. What the client keeps only for DOM patching (magic ids,
/// <c>data-phx-skip</c>, change tracking) is left out: <see cref="ToHtml"/> is always the full HTML.
/// Checked against the client itself by <c>tests/Rekindle.Tests/Testing/RenderedTreeTests.cs</c>.
/// </remarks>
internal sealed class RenderedTree
{
    private static readonly string Statics = WireKeys.Statics.Value;
    private static readonly string Keyed = WireKeys.Keyed.Value;
    private static readonly string KeyedCount = WireKeys.KeyedCount.Value;
    private static readonly string KeyedMoved = WireKeys.KeyedMoves.Value;
    private static readonly string Components = WireKeys.Components.Value;
    private static readonly string Root = WireKeys.Root.Value;
    private static readonly string Title = WireKeys.Title.Value;
    private static readonly string Events = WireKeys.Events.Value;
    private static readonly string Reply = WireKeys.Reply.Value;

    // Keys our server does not send yet (docs/protocol.md §4.7, §4.8), so WireKeys lacks them; the client reads them.
    internal const string Templates = "p";
    internal static readonly string Stream = Rekindle.Rendering.WireKeys.Stream.Value;

    private Node _rendered = new(StringComparer.Ordinal);

    /// <summary>Starts from a join reply's <c>rendered</c>, with the top-level extras already taken off.</summary>
    public RenderedTree(Node rendered) => MergeDiff(rendered);

    /// <summary>Takes the event reply, pushed events and title off a diff (the client's <c>Rendered.extract</c>).</summary>
    public static (Node Diff, string? Title, object? Reply, List<object?> Events) Extract(Node diff)
    {
        diff.Remove(Reply, out var reply);
        diff.Remove(Events, out var events);
        diff.Remove(Title, out var title);
        return (diff, title as string, reply, events as List<object?> ?? []);
    }

    /// <summary>The cids the tree holds.</summary>
    public IEnumerable<int> ComponentIds => ComponentsMap.Keys.Select(key => int.Parse(key, System.Globalization.CultureInfo.InvariantCulture));

    private Node ComponentsMap => (Node)_rendered[Components]!;

    public void MergeDiff(Node diff)
    {
        diff.Remove(Components, out var newComponentsValue);
        _rendered = MutableMerge(_rendered, diff);
        if (!_rendered.TryGetValue(Components, out var held) || held is not Node)
        {
            _rendered[Components] = new Node(StringComparer.Ordinal);
        }
        if (newComponentsValue is Node newComponents)
        {
            var oldComponents = ComponentsMap;
            var cache = new Dictionary<string, Node>(StringComparer.Ordinal);
            foreach (var cid in newComponents.Keys.ToList())
            {
                newComponents[cid] = CachedFindComponent(cid, AsNode(newComponents[cid], cid), oldComponents, newComponents, cache);
            }
            foreach (var (cid, component) in newComponents)
            {
                oldComponents[cid] = component;
            }
            diff[Components] = newComponents;
        }
    }

    /// <summary>
    /// The full HTML of the view (no <c>data-phx-skip</c> placeholders). Like the client's render it
    /// resolves <c>"p"</c> templates in place and empties stream entries once rendered.
    /// </summary>
    /// <param name="markComponents">Put <c>data-phx-component="cid"</c> on each component's root element, as the client does in the DOM.</param>
    public TreeHtml ToHtml(bool markComponents) => TreeHtmlWriter.Write(_rendered, ComponentsMap, markComponents);

    /// <summary>Forgets components the server deleted (the reply to <c>cids_destroyed</c>).</summary>
    public void PruneComponents(IEnumerable<int> cids)
    {
        foreach (var cid in cids)
        {
            ComponentsMap.Remove(WireValue.Key(cid));
        }
    }

    private static Node AsNode(object? value, string cid) =>
        value as Node ?? throw new InvalidOperationException($"Component {cid} in the diff is not an object: {WireValue.Text(value)}");

    private Node CachedFindComponent(string cid, Node componentDiff, Node oldComponents, Node newComponents, Dictionary<string, Node> cache)
    {
        if (cache.TryGetValue(cid, out var cached))
        {
            return cached;
        }
        Node result;
        if (componentDiff.GetValueOrDefault(Statics) is double sharedCid)
        {
            // "s": N copies component N as it is after this diff, "s": -N as it was before (§4.5).
            Node source = sharedCid > 0
                ? CachedFindComponent(WireValue.Key(sharedCid), AsNode(newComponents.GetValueOrDefault(WireValue.Key(sharedCid)), WireValue.Key(sharedCid)), oldComponents, newComponents, cache)
                : oldComponents.GetValueOrDefault(WireValue.Key(-sharedCid)) as Node
                  ?? throw new InvalidOperationException($"Component {cid} shares the statics of component {WireValue.Key(-sharedCid)}, which the client does not hold.");
            var statics = source.GetValueOrDefault(Statics);
            result = CloneMerge(source, componentDiff);
            result[Statics] = statics;
        }
        else
        {
            result = componentDiff.ContainsKey(Statics) || !oldComponents.TryGetValue(cid, out var old) || old is not Node oldNode
                ? componentDiff
                : CloneMerge(oldNode, componentDiff);
        }
        cache[cid] = result;
        return result;
    }

    private static Node MutableMerge(Node target, Node source)
    {
        if (source.ContainsKey(Statics))
        {
            return source;
        }
        DoMutableMerge(target, source);
        return target;
    }

    private static void DoMutableMerge(Node target, Node source)
    {
        if (source.GetValueOrDefault(Keyed) is Node)
        {
            MergeKeyed(target, source);
            return;
        }
        foreach (var (key, value) in source)
        {
            if (value is Node valueNode && !valueNode.ContainsKey(Statics) && target.GetValueOrDefault(key) is Node targetNode)
            {
                DoMutableMerge(targetNode, valueNode);
            }
            else
            {
                target[key] = value;
            }
        }
    }

    private static void MergeKeyed(Node target, Node source)
    {
        var sourceEntries = (Node)source[Keyed]!;
        var targetEntries = target.GetValueOrDefault(Keyed) as Node
            ?? throw new InvalidOperationException("A keyed diff arrived for a node that holds no keyed comprehension: " + string.Join(",", target.Keys));
        // Moves read entries from their old positions, so they read from a copy taken before any entry is applied.
        var before = IsTruthy(sourceEntries.GetValueOrDefault(KeyedMoved)) ? (Node)WireValue.CloneObject(targetEntries) : null;
        foreach (var (index, entry) in sourceEntries)
        {
            if (index == KeyedCount || index == KeyedMoved)
            {
                continue;
            }
            switch (entry)
            {
                case List<object?> moved:
                    targetEntries[index] = MovedFrom(before, moved.Count > 0 ? moved[0] : null, index);
                    DoMutableMerge((Node)targetEntries[index]!, moved.Count > 1 && moved[1] is Node movedChange ? movedChange : new Node());
                    break;
                case double oldIndex:
                    targetEntries[index] = MovedFrom(before, oldIndex, index);
                    break;
                case Node change:
                    if (targetEntries.GetValueOrDefault(index) is not Node existing)
                    {
                        existing = new Node(StringComparer.Ordinal);
                        targetEntries[index] = existing;
                    }
                    DoMutableMerge(existing, change);
                    break;
            }
        }
        if (sourceEntries.GetValueOrDefault(KeyedCount) is double newCount && targetEntries.GetValueOrDefault(KeyedCount) is double oldCount)
        {
            for (var i = newCount; i < oldCount; i++)
            {
                targetEntries.Remove(WireValue.Key(i));
            }
        }
        targetEntries[KeyedCount] = sourceEntries.GetValueOrDefault(KeyedCount);
        if (source.TryGetValue(Stream, out var stream) && IsTruthy(stream))
        {
            target[Stream] = stream;
        }
        if (source.TryGetValue(Templates, out var templates) && IsTruthy(templates))
        {
            target[Templates] = templates;
        }
    }

    private static Node MovedFrom(Node? before, object? oldIndex, string index)
    {
        // Without "km" the client crashes on a move (§4.6); say so instead of a TypeError.
        if (before is null)
        {
            throw new InvalidOperationException($"The diff moves keyed entry {WireValue.Text(oldIndex)} to {index} without \"km\": true.");
        }
        return before.GetValueOrDefault(WireValue.Text(oldIndex)) as Node
            ?? throw new InvalidOperationException($"The diff moves keyed entry {WireValue.Text(oldIndex)}, which does not exist.");
    }

    private static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool flag => flag,
        double number => number != 0 && !double.IsNaN(number),
        string text => text.Length > 0,
        _ => true,
    };

    private static Node CloneMerge(Node target, Node source)
    {
        Node merged;
        if (source.GetValueOrDefault(Keyed) is Node)
        {
            merged = WireValue.CloneObject(target);
            MergeKeyed(merged, source);
            return merged;
        }
        merged = new Node(target, StringComparer.Ordinal);
        foreach (var (key, value) in source)
        {
            merged[key] = value;
        }
        foreach (var key in merged.Keys.ToList())
        {
            var hasValue = source.TryGetValue(key, out var value);
            var targetValue = target.GetValueOrDefault(key);
            if (value is Node valueNode && !valueNode.ContainsKey(Statics) && targetValue is Node targetNode)
            {
                merged[key] = CloneMerge(targetNode, valueNode);
            }
            else if (!hasValue && targetValue is Node untouched)
            {
                merged[key] = CloneMerge(untouched, new Node(StringComparer.Ordinal));
            }
        }
        return merged;
    }
}
