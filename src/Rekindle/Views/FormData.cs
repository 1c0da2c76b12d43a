using Microsoft.Extensions.Primitives;

namespace Rekindle.Views;

/// <summary>
/// The fields of a <c>phx-change</c> or <c>phx-submit</c> event, parsed from the url-encoded value the
/// client sends (docs/protocol.md §5.3). Field names stay as written in the markup
/// (<c>user[name]</c>, <c>tags[]</c>); a name may carry several values.
/// </summary>
public sealed class FormData
{
    private const string UnusedPrefix = "_unused_";
    private readonly Dictionary<string, StringValues> _fields;

    private FormData(Dictionary<string, StringValues> fields, string? target)
    {
        _fields = fields;
        Target = target;
        TargetPath = KeyPath(target);
    }

    /// <summary>Field names in the order they were sent, without the client's <c>_unused_</c> markers.</summary>
    public IEnumerable<string> Names => _fields.Keys.Where(name => !IsUnusedMarker(name));

    /// <summary>The name of the input that triggered a <c>phx-change</c> (<c>_target</c>); <see langword="null"/> on submit.</summary>
    public string? Target { get; }

    /// <summary>
    /// <see cref="Target"/> decoded into its key path, as Phoenix's <c>_target</c>: <c>user[name]</c>
    /// gives <c>["user", "name"]</c>, <c>tags[]</c> gives <c>["tags"]</c>; empty on submit.
    /// </summary>
    /// <example><code>if (form.TargetPath is ["user", "email"]) { ValidateEmail(form["user[email]"]); }</code></example>
    public IReadOnlyList<string> TargetPath { get; }

    /// <summary>The last value of a field (a repeated scalar: last wins), or <see langword="null"/>.</summary>
    public string? this[string name] => _fields.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    /// <summary>Every value of a field, e.g. checked checkboxes named <c>tags[]</c>.</summary>
    public IReadOnlyList<string> GetAll(string name) =>
        _fields.TryGetValue(name, out var values) ? values.Where(v => v is not null).Select(v => v!).ToArray() : [];

    /// <summary>Whether the form sent a field of that name (an empty value counts).</summary>
    public bool Contains(string name) => _fields.ContainsKey(name);

    /// <summary>
    /// Whether the user has not touched the field yet (the client marks such fields with
    /// <c>_unused_</c> so validation can stay quiet about them).
    /// </summary>
    public bool IsUnused(string name) => _fields.ContainsKey(UnusedName(name));

    internal static FormData Parse(string? urlEncoded, string? target) => new(UrlEncodedFields.Parse(urlEncoded), target);

    private static string[] KeyPath(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return [];
        }
        var open = name.IndexOf('[', StringComparison.Ordinal);
        if (open <= 0)
        {
            return [name];
        }
        var path = new List<string> { name[..open] };
        // Each [key] is one level; [] (a list) ends the path, as Plug's decoding does.
        while (open < name.Length && name[open] == '[' && name.IndexOf(']', open) is var close and > 0 && close > open + 1)
        {
            path.Add(name[(open + 1)..close]);
            open = close + 1;
        }
        return [.. path];
    }

    private static bool IsUnusedMarker(string name)
    {
        var core = name.EndsWith("[]", StringComparison.Ordinal) ? name[..^2] : name;
        return core.AsSpan(core.LastIndexOf('[') + 1).StartsWith(UnusedPrefix, StringComparison.Ordinal);
    }

    private static string UnusedName(string name)
    {
        // The marker goes on the last key segment: user[email] → user[_unused_email] (§5.3).
        var lastSegment = name.LastIndexOf('[');
        if (lastSegment < 0)
        {
            return UnusedPrefix + name;
        }
        if (name.EndsWith("[]", StringComparison.Ordinal) && lastSegment == name.Length - 2)
        {
            return UnusedPrefix + name;
        }
        return string.Concat(name.AsSpan(0, lastSegment + 1), UnusedPrefix, name.AsSpan(lastSegment + 1));
    }
}
