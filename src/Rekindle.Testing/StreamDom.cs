using AngleSharp.Html.Parser;

namespace Rekindle.Testing;

/// <summary>
/// The children of the page's stream containers, kept as the browser's DOM keeps them: the client
/// forgets a stream's entries once rendered, so inserted items live only in the DOM, placed by each
/// diff's <c>"stream"</c> instructions (docs/protocol.md §4.8): a reset removes the stream's items,
/// deletes remove by DOM id, an item already on the page is updated where it is, a new one goes to
/// its <c>at</c> (append, prepend or index), <c>updateOnly</c> never adds, and a <c>limit</c> trims
/// the container after each insert. A join render clears every container first.
/// </summary>
internal sealed class StreamDom
{
    private const string ContainerSelector = "[phx-update=\"stream\"][id]";
    private readonly Dictionary<string, List<Item>> _containers = new(StringComparer.Ordinal);

    /// <summary>Whether any container holds items, so a render must be merged even when it streams nothing.</summary>
    public bool IsEmpty => _containers.Values.All(items => items.Count == 0);

    /// <summary>
    /// Merges a render's stream output into the kept children and returns the view's HTML with every
    /// container holding them. <paramref name="streams"/> are the render's <c>[ref, inserts, deleteIds, reset?]</c>.
    /// </summary>
    public string Apply(string html, IReadOnlyList<object?> streams, bool isJoin)
    {
        var inserts = new Dictionary<string, Insert>(StringComparer.Ordinal);
        foreach (var stream in streams.OfType<List<object?>>())
        {
            var streamRef = WireValue.Text(stream[0]);
            var reset = stream.Count > 3; // the client tests for presence, not truth
            foreach (var insert in stream.ElementAtOrDefault(1) as List<object?> ?? [])
            {
                if (insert is List<object?> { Count: >= 1 } parts && parts[0] is string domId)
                {
                    inserts[domId] = new Insert(streamRef, Number(parts.ElementAtOrDefault(1)) ?? -1, Number(parts.ElementAtOrDefault(2)), parts.ElementAtOrDefault(3) is true, reset);
                }
            }
            if (reset)
            {
                foreach (var items in _containers.Values)
                {
                    items.RemoveAll(item => item.StreamRef == streamRef);
                }
            }
            foreach (var deleted in (stream.ElementAtOrDefault(2) as List<object?> ?? []).OfType<string>())
            {
                foreach (var items in _containers.Values)
                {
                    items.RemoveAll(item => item.Id == deleted);
                }
            }
        }
        if (isJoin)
        {
            _containers.Clear();
        }
        if (!html.Contains("phx-update=\"stream\"", StringComparison.Ordinal))
        {
            _containers.Clear();
            return html;
        }
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><head></head><body>{html}</body></html>");
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var container in document.Body!.QuerySelectorAll(ContainerSelector)) // a parsed document has a body
        {
            var id = container.Id!; // selected with [id]
            present.Add(id);
            if (!_containers.TryGetValue(id, out var items))
            {
                items = [];
                _containers[id] = items;
            }
            // The client drops stream children without an id (docs/protocol.md §4.8).
            foreach (var (child, childId) in container.Children.Select(child => (child, child.Id)).ToList())
            {
                if (childId is { Length: > 0 })
                {
                    Place(items, childId, child.OuterHtml, inserts.GetValueOrDefault(childId));
                }
            }
            container.InnerHtml = string.Concat(items.Select(item => item.Html));
        }
        foreach (var gone in _containers.Keys.Where(id => !present.Contains(id)).ToList())
        {
            _containers.Remove(gone);
        }
        return document.Body.InnerHtml;
    }

    /// <summary>The client's <c>maybeReOrderStream</c> and <c>maybeLimitStream</c> for one rendered child.</summary>
    private static void Place(List<Item> items, string id, string html, Insert? insert)
    {
        var at = items.FindIndex(item => item.Id == id);
        var rendered = new Item(id, insert?.StreamRef ?? "", html);
        if (at >= 0)
        {
            items[at] = rendered;
            if (insert is not { Reset: true })
            {
                return; // an item on the page is updated where it is
            }
            items.RemoveAt(at);
        }
        else if (insert is { UpdateOnly: true })
        {
            return;
        }
        var position = insert?.At ?? -1;
        if (position == 0)
        {
            items.Insert(0, rendered);
        }
        else if (position > 0 && position < items.Count)
        {
            items.Insert(position, rendered);
        }
        else
        {
            items.Add(rendered);
        }
        switch (insert?.Limit)
        {
            case < 0 and var keepLast when items.Count > -keepLast:
                items.RemoveRange(0, items.Count + keepLast);
                break;
            case >= 0 and var keepFirst when items.Count > keepFirst:
                items.RemoveRange(keepFirst, items.Count - keepFirst);
                break;
        }
    }

    private static int? Number(object? value) => value is double number ? (int)number : null;

    private sealed record Item(string Id, string StreamRef, string Html);

    private sealed record Insert(string StreamRef, int At, int? Limit, bool UpdateOnly, bool Reset);
}
