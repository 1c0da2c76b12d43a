using Rekindle.Rendering;

namespace Rekindle.Views;

/// <summary>
/// One stream of a view or component: only the operations queued since the last render, never the
/// collection (docs/protocol.md §4.8). A render turns them into a comprehension of the inserted
/// items plus the <c>"stream"</c> annotation; once that is sent, <see cref="Flush"/> forgets both.
/// </summary>
internal sealed class LiveStream(string owner, string name, string reference, Type itemType, Func<object, string> domId)
{
    private readonly List<Operation> _operations = [];
    private readonly List<Comprehension> _rendered = [];
    private bool _reset;

    /// <summary>The statics of the last items rendered, so that a later render without inserts (deletes only) still matches what the client holds.</summary>
    private StaticTemplate? _template;

    public Type ItemType { get; } = itemType;

    public void Reset()
    {
        // Everything the client shows is removed, so earlier operations no longer matter.
        _operations.Clear();
        _reset = true;
    }

    public void Insert(object item, int at, int? limit, bool updateOnly)
    {
        if (!ItemType.IsInstanceOfType(item))
        {
            throw new InvalidOperationException(
                $"{owner}: stream '{name}' holds {ItemType.Name} items. Expected an item of that type, got {item.GetType().Name}.");
        }
        CheckAt(at);
        _operations.Add(new Operation(DomId(item), item, at, limit, updateOnly));
    }

    public void CheckAt(int at)
    {
        if (at < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"{owner}: stream '{name}': expected at to be -1 (append), 0 (prepend) or a positive index.");
        }
    }

    public void Delete(object item) => DeleteByDomId(DomId(item));

    public void DeleteByDomId(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        _operations.Add(new Operation(id, Item: null, 0, null, false));
    }

    /// <summary>
    /// The pending operations as the client needs them: the latest insert per DOM id, in insertion
    /// order, and every deleted id. An insert followed by a delete of the same id is only a delete; a
    /// delete followed by an insert is both (the client moves the element, as Phoenix documents).
    /// </summary>
    public Comprehension Render<T>(Func<string, T, Rendered> render)
    {
        var decided = new HashSet<string>(StringComparer.Ordinal);
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        var inserts = new List<Operation>();
        var deletes = new List<string>();
        for (var i = _operations.Count - 1; i >= 0; i--)
        {
            var operation = _operations[i];
            var latest = decided.Add(operation.DomId);
            if (operation.Item is null)
            {
                if (deleted.Add(operation.DomId))
                {
                    deletes.Add(operation.DomId);
                }
            }
            else if (latest)
            {
                inserts.Add(operation);
            }
        }
        inserts.Reverse();
        deletes.Reverse();
        var list = ComprehensionBuilder.Build(inserts, insert => insert.DomId, insert => render(insert.DomId, (T)insert.Item!)); // inserts always carry an item
        _template = list.Template ?? _template;
        var wire = new StreamInsert[inserts.Count];
        for (var i = 0; i < wire.Length; i++)
        {
            wire[i] = new StreamInsert(inserts[i].DomId, inserts[i].At, inserts[i].Limit, inserts[i].UpdateOnly);
        }
        var result = new Comprehension(_template, list.Keys, list.Entries, new StreamPatch(reference, wire, deletes.ToArray(), _reset));
        _rendered.Add(result);
        return result;
    }

    /// <summary>Forgets what the last render sent: the operations and the rendered items.</summary>
    public void Flush()
    {
        _operations.Clear();
        _reset = false;
        foreach (var list in _rendered)
        {
            list.ReleaseStreamEntries();
        }
        _rendered.Clear();
    }

    private string DomId(object item)
    {
        var id = domId(item);
        return string.IsNullOrEmpty(id)
            ? throw new InvalidOperationException($"{owner}: the DOM id function of stream '{name}' returned an empty id. Expected a unique, non-empty id per item.")
            : id;
    }

    private readonly record struct Operation(string DomId, object? Item, int At, int? Limit, bool UpdateOnly);
}
