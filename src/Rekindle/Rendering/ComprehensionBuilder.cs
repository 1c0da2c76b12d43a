namespace Rekindle.Rendering;

/// <summary>Builds a <see cref="Comprehension"/> from items, refusing duplicate keys.</summary>
internal static class ComprehensionBuilder
{
    /// <summary>Statics of the wrapper used when entries come from different templates.</summary>
    private static readonly StaticTemplate Wrapper = StaticTemplate.Create(["", ""]);

    public static Comprehension Build<T>(IEnumerable<T> items, Func<T, object?> key, Func<T, Rendered> render)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(render);
        var keys = new List<object>();
        var rendered = new List<Rendered>();
        var seen = new HashSet<object>();
        foreach (var item in items)
        {
            var itemKey = key(item) ?? throw new InvalidOperationException(
                $"Each: the key of item {rendered.Count} is null. Expected a non-null, unique key per item.");
            if (!seen.Add(itemKey))
            {
                throw new InvalidOperationException(
                    $"Each: key '{itemKey}' appears twice. Expected a unique key per item.");
            }
            keys.Add(itemKey);
            rendered.Add(render(item) ?? throw new InvalidOperationException(
                $"Each: the template for key '{itemKey}' returned null. Expected a Rendered from Html($\"...\")."));
        }
        if (rendered.Count == 0)
        {
            return new Comprehension(null, [], []);
        }
        var template = rendered[0].Template;
        var shared = rendered.TrueForAll(r => r.Template.SameAs(template));
        var entries = new object?[rendered.Count][];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = shared ? rendered[i].Dynamics : [rendered[i]];
        }
        return new Comprehension(shared ? template : Wrapper, keys.ToArray(), entries);
    }
}
