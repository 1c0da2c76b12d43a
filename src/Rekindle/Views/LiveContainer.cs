using System.Text;
using System.Text.RegularExpressions;
using Rekindle.Rendering;

namespace Rekindle.Views;

/// <summary>
/// The element a routed view's HTML sits in (Phoenix's <c>container: {:tag, attrs}</c>): its tag and
/// extra attributes. Rekindle adds the <c>id</c> and the <c>data-phx-*</c> attributes itself; the
/// default is a bare <c>div</c>. After live navigation the client keeps the previous view's element
/// and takes the new view's tag and attributes from its join (docs/protocol.md §8.3).
/// </summary>
/// <example>
/// <code>
/// app.MapLiveView&lt;BoardLive&gt;("/board", container: new LiveContainer("main", new Dictionary&lt;string, string&gt; { ["class"] = "wide" }));
/// </code>
/// </example>
public sealed partial class LiveContainer
{
    /// <summary>A container with <paramref name="tag"/> and <paramref name="attributes"/>.</summary>
    /// <param name="tag">A lower-case element name such as <c>main</c> or <c>section</c>.</param>
    /// <param name="attributes">Extra attributes; their values are escaped. <c>id</c> and <c>data-phx-*</c> are Rekindle's.</param>
    public LiveContainer(string tag, IReadOnlyDictionary<string, string>? attributes = null)
    {
        if (tag is null || !TagName().IsMatch(tag))
        {
            throw new ArgumentException($"Expected a lower-case element name such as \"main\" for the container. Got: '{tag}'.", nameof(tag));
        }
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in attributes ?? new Dictionary<string, string>())
        {
            if (!AttributeName().IsMatch(name) || name.Equals("id", StringComparison.OrdinalIgnoreCase) || name.StartsWith("data-phx-", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Expected attribute names of letters, digits, '-', '_' or ':' other than id and data-phx-* (Rekindle sets those) on the container. Got: '{name}'.", nameof(attributes));
            }
            copy[name] = value ?? throw new ArgumentException($"Expected a value for the container attribute '{name}'. Got null.", nameof(attributes));
        }
        Tag = tag;
        Attributes = copy;
    }

    /// <summary>The element name.</summary>
    public string Tag { get; }

    /// <summary>The extra attributes, in the order given.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>The attributes as markup, each preceded by a space, values escaped.</summary>
    internal string AttributesHtml()
    {
        var html = new StringBuilder();
        foreach (var (name, value) in Attributes)
        {
            html.Append(' ').Append(name).Append("=\"").Append(HtmlEscaper.Escape(value)).Append('"');
        }
        return html.ToString();
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex TagName();

    [GeneratedRegex("^[A-Za-z_:][A-Za-z0-9_:.-]{0,63}$")]
    private static partial Regex AttributeName();
}
