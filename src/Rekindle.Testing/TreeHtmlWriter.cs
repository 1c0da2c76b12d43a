using System.Text;
using System.Text.RegularExpressions;
using Rekindle.Rendering;
using Node = System.Collections.Generic.Dictionary<string, object?>;

namespace Rekindle.Testing;

/// <summary>The HTML of a rendered tree, the cids it shows, and the streams it carried.</summary>
internal sealed record TreeHtml(string Html, IReadOnlySet<int> ComponentIds, IReadOnlyList<object?> Streams);

/// <summary>
/// Turns a <see cref="RenderedTree"/> into HTML the way the client's <c>Rendered.toOutputBuffer</c>
/// does (rendered.js, rendered/modify_root.ts), without the change-tracking placeholders.
/// </summary>
internal sealed partial class TreeHtmlWriter
{
    private static readonly string Statics = WireKeys.Statics.Value;
    private static readonly string Keyed = WireKeys.Keyed.Value;
    private static readonly string KeyedCount = WireKeys.KeyedCount.Value;
    private static readonly string Root = WireKeys.Root.Value;
    private const string Templates = RenderedTree.Templates;
    private static readonly string Stream = RenderedTree.Stream;

    private readonly Node _components;
    private readonly bool _markComponents;
    private readonly HashSet<int> _componentIds = [];
    private readonly List<object?> _streams = [];

    private TreeHtmlWriter(Node components, bool markComponents)
    {
        _components = components;
        _markComponents = markComponents;
    }

    public static TreeHtml Write(Node rendered, Node components, bool markComponents)
    {
        var writer = new TreeHtmlWriter(components, markComponents);
        var html = new StringBuilder();
        writer.WriteNode(html, rendered, templates: null, rootCid: null);
        return new TreeHtml(html.ToString(), writer._componentIds, writer._streams);
    }

    private void WriteNode(StringBuilder html, Node rendered, Node? templates, int? rootCid)
    {
        if (rendered.GetValueOrDefault(Keyed) is Node)
        {
            WriteComprehension(html, rendered, templates);
            return;
        }
        // Templates found on a node serve everything below it, and are dropped once resolved (§4.7).
        if (rendered.Remove(Templates, out var own) && own is Node ownTemplates)
        {
            templates = ownTemplates;
        }
        var statics = ResolveStatics(rendered, templates);
        if (!IsTruthy(rendered.GetValueOrDefault(Root)))
        {
            WriteDynamics(html, rendered, statics, templates);
            return;
        }
        var element = new StringBuilder();
        WriteDynamics(element, rendered, statics, templates);
        html.Append(ModifyRoot(element.ToString(), rootCid is { } cid && _markComponents ? $" data-phx-component=\"{cid}\"" : ""));
    }

    private void WriteComprehension(StringBuilder html, Node rendered, Node? templates)
    {
        var entryTemplates = templates ?? rendered.GetValueOrDefault(Templates) as Node;
        var statics = ResolveStatics(rendered, templates);
        rendered.Remove(Templates);
        var entries = (Node)rendered[Keyed]!;
        var count = entries.GetValueOrDefault(KeyedCount) is double kc ? kc : 0;
        for (var i = 0; i < count; i++)
        {
            var entry = entries.GetValueOrDefault(WireValue.Key(i)) as Node
                ?? throw new InvalidOperationException($"Keyed entry {i} of {count} is missing from the rendered tree.");
            WriteDynamics(html, entry, statics, entryTemplates);
        }
        // The client keeps no stream entries once rendered: they live in the DOM (§4.8).
        if (rendered.GetValueOrDefault(Stream) is List<object?> stream
            && (count > 0 || stream is [_, _, List<object?> { Count: > 0 }, ..] || stream is [_, _, _, var reset] && IsTruthy(reset)))
        {
            rendered.Remove(Stream);
            rendered[Keyed] = new Node(StringComparer.Ordinal) { [KeyedCount] = 0d };
            _streams.Add(stream);
        }
    }

    private void WriteDynamics(StringBuilder html, Node node, List<object?> statics, Node? templates)
    {
        for (var i = 0; i < statics.Count - 1; i++)
        {
            html.Append(WireValue.Text(statics[i]));
            WriteDynamic(html, node.TryGetValue(WireValue.Key(i), out var value), value, templates);
        }
        html.Append(WireValue.Text(statics[^1]));
    }

    private void WriteDynamic(StringBuilder html, bool present, object? value, Node? templates)
    {
        switch (value)
        {
            case double cid:
                WriteComponent(html, (int)cid);
                break;
            case Node node:
                WriteNode(html, node, templates, rootCid: null);
                break;
            case List<object?> list:
                html.AppendJoin(',', list.Select(item => item is null ? "" : WireValue.Text(item)));
                break;
            default:
                // A dynamic missing from a full node renders as JavaScript's undefined (§4.2).
                html.Append(present ? WireValue.Text(value) : "undefined");
                break;
        }
    }

    private void WriteComponent(StringBuilder html, int cid)
    {
        if (_components.GetValueOrDefault(WireValue.Key(cid)) is not Node component)
        {
            throw new InvalidOperationException("Cannot continue render due to missing component: " + cid);
        }
        _componentIds.Add(cid);
        WriteNode(html, component, templates: null, rootCid: cid);
    }

    private static List<object?> ResolveStatics(Node rendered, Node? templates)
    {
        var statics = rendered.GetValueOrDefault(Statics);
        if (statics is double index)
        {
            statics = templates?.GetValueOrDefault(WireValue.Key(index))
                ?? throw new InvalidOperationException($"Statics refer to template {WireValue.Key(index)}, but no \"p\" above them has it.");
            rendered[Statics] = statics;
        }
        return statics as List<object?>
            ?? throw new InvalidOperationException("A node of the rendered tree has no statics (was a partial diff sent for a node the client does not hold?): keys " + string.Join(",", rendered.Keys));
    }

    /// <summary>Puts <paramref name="attributes"/> after the tag name of the element a root node renders (rendered/modify_root.ts).</summary>
    private static string ModifyRoot(string html, string attributes)
    {
        var match = RootStart().Match(html);
        if (!match.Success)
        {
            throw new InvalidOperationException("malformed html " + html);
        }
        return attributes.Length == 0 ? html : html.Insert(match.Length, attributes);
    }

    private static bool IsTruthy(object? value) => value is not (null or false or 0d or "");

    [GeneratedRegex(@"^(\s*(?:<!--.*?-->\s*)*)<([^\s\/>]+)")]
    private static partial Regex RootStart();
}
