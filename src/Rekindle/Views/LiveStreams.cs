using Rekindle.Rendering;

namespace Rekindle.Views;

/// <summary>
/// The streams of one view or component, by name. Refs are numbered in declaration order, "0",
/// "1"… in a view and "&lt;cid&gt;-0"… in a component (docs/protocol.md §4.8); a view mounts
/// afresh on every join and declares its streams again, so the numbering is the same each time.
/// </summary>
internal sealed class LiveStreams(LiveTemplate owner)
{
    private readonly Dictionary<string, LiveStream> _streams = new(StringComparer.Ordinal);

    private string OwnerName => owner.GetType().Name;

    public void Stream<T>(string name, IEnumerable<T> items, Func<T, string> domId, int at, int? limit, bool reset)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(domId);
        if (!_streams.TryGetValue(name, out var stream))
        {
            var number = _streams.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var reference = owner is LiveComponent component ? $"{component.Cid}-{number}" : number;
            stream = new LiveStream(OwnerName, name, reference, typeof(T), item => domId((T)item));
            _streams.Add(name, stream);
        }
        stream.CheckAt(at);
        if (reset)
        {
            stream.Reset();
        }
        foreach (var item in items)
        {
            stream.Insert(item ?? throw new ArgumentException($"{OwnerName}: stream '{name}' got a null item. Expected non-null items.", nameof(items)), at, limit, updateOnly: false);
        }
    }

    public void Insert<T>(string name, T item, int at, int? limit, bool updateOnly)
    {
        ArgumentNullException.ThrowIfNull(item);
        Find(name, nameof(Insert)).Insert(item, at, limit, updateOnly);
    }

    public void Delete<T>(string name, T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Find(name, nameof(Delete)).Delete(item);
    }

    public void DeleteByDomId(string name, string domId) => Find(name, nameof(DeleteByDomId)).DeleteByDomId(domId);

    public Comprehension Each<T>(string name, Func<string, T, Rendered> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var stream = Find(name, nameof(Each));
        if (!typeof(T).IsAssignableFrom(stream.ItemType))
        {
            throw new InvalidOperationException(
                $"{OwnerName}: StreamEach<{typeof(T).Name}>(\"{name}\") on a stream of {stream.ItemType.Name}. Expected the item type given to Stream.");
        }
        return stream.Render(render);
    }

    /// <summary>Called once a render is sent: drops the operations and items it carried, keeping each stream's ref and template.</summary>
    public void Flush()
    {
        foreach (var stream in _streams.Values)
        {
            stream.Flush();
        }
    }

    private LiveStream Find(string name, string member)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return _streams.GetValueOrDefault(name) ?? throw new InvalidOperationException(
            $"{OwnerName}: Stream{member}(\"{name}\") on a stream that was not declared. Expected Stream(\"{name}\", items, domId) first, in MountAsync.");
    }
}
