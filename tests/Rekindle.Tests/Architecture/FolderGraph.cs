namespace Rekindle.Tests.Architecture;

/// <summary>
/// Which folder of <c>src/Rekindle</c> uses which, read from the compiled assembly: a folder is the
/// namespace under <c>Rekindle.</c> (namespace = folder), and an edge A → B lists the types of A that
/// use a type of B, so a failure can name them.
/// </summary>
internal sealed class FolderGraph
{
    /// <summary>The extension-method classes that ASP.NET Core convention puts in its own namespaces live in Hosting/.</summary>
    private static readonly Dictionary<string, string> ConventionNamespaces = new(StringComparer.Ordinal)
    {
        ["Microsoft.AspNetCore.Builder"] = "Hosting",
        ["Microsoft.Extensions.DependencyInjection"] = "Hosting",
    };

    private FolderGraph(SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> edges) => Edges = edges;

    /// <summary>Folder → used folder → the using types, by name.</summary>
    public SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> Edges { get; }

    public IEnumerable<string> Folders => Edges.Keys;

    public static FolderGraph Of(System.Reflection.Assembly assembly)
    {
        var edges = new SortedDictionary<string, SortedDictionary<string, SortedSet<string>>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes().Where(type => !type.IsNested))
        {
            if (FolderOf(type, assembly) is not { } folder)
            {
                continue;
            }
            var used = edges.TryGetValue(folder, out var existing) ? existing : edges[folder] = new(StringComparer.Ordinal);
            foreach (var reference in TypeReferences.Of(type))
            {
                if (FolderOf(reference, assembly) is { } target && target != folder)
                {
                    (used.TryGetValue(target, out var users) ? users : used[target] = new(StringComparer.Ordinal)).Add(type.Name);
                }
            }
        }
        return new FolderGraph(edges);
    }

    /// <summary>The folders of one cycle, first folder repeated at the end; empty when there is none.</summary>
    public IReadOnlyList<string> FindCycle()
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path, true: done
        var path = new List<string>();
        foreach (var folder in Folders)
        {
            if (Visit(folder, state, path) is { } cycle)
            {
                return cycle;
            }
        }
        return [];
    }

    private List<string>? Visit(string folder, Dictionary<string, bool> state, List<string> path)
    {
        if (state.TryGetValue(folder, out var done))
        {
            return done ? null : [.. path.Skip(path.IndexOf(folder)), folder];
        }
        state[folder] = false;
        path.Add(folder);
        foreach (var target in Edges.GetValueOrDefault(folder)?.Keys ?? Enumerable.Empty<string>())
        {
            if (Visit(target, state, path) is { } cycle)
            {
                return cycle;
            }
        }
        path.RemoveAt(path.Count - 1);
        state[folder] = true;
        return null;
    }

    public override string ToString() => string.Join(Environment.NewLine, Edges.Select(pair =>
        $"{pair.Key,-10} -> {string.Join(", ", pair.Value.Select(edge => $"{edge.Key} ({edge.Value.Count})"))}"));

    private static string? FolderOf(Type type, System.Reflection.Assembly assembly)
    {
        if (type.Assembly != assembly || type.Namespace is not { } name)
        {
            return null;
        }
        if (ConventionNamespaces.TryGetValue(name, out var folder))
        {
            return folder;
        }
        // Other namespaces are the compiler's (System.Runtime.CompilerServices attributes it embeds).
        return name.StartsWith("Rekindle.", StringComparison.Ordinal) ? name.Split('.')[1] : null;
    }
}
